using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Streaming.Parquet.Encodings;
using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>
/// INT32, INT64 and DOUBLE columns (and timestamps): PLAIN, or RLE_DICTIONARY while the dictionary pays.
/// The dictionary is given up for the rest of the chunk when it passes the byte limit, and for the whole
/// chunk when, at the first page, dictionary plus indices are not smaller than PLAIN; a chunk that gave it
/// up that way makes later chunks of the file start PLAIN (the data evidently has high cardinality).
/// </summary>
internal abstract class FixedWidthColumnWriter<T, TTraits> : ColumnWriter
    where T : unmanaged, IEquatable<T>
    where TTraits : IFixedWidthTraits<T>
{
    private static readonly int s_size = Unsafe.SizeOf<T>();

    private readonly Dictionary<T, int> _dictionary = [];
    private T[] _dictionaryValues = new T[256];
    private int _dictionaryCount;
    private bool _dictionaryMode;
    private bool _dictionaryOverflowed;
    private bool _dictionaryAbandoned;
    private T[] _pageValues = new T[256];
    private int[] _pageIndices = new int[256];
    private int _pageValueCount;
    private T _staged;
    private bool _pageHasBounds;
    private T _pageMin;
    private T _pageMax;
    private bool _chunkHasBounds;
    private T _chunkMin;
    private T _chunkMax;

    protected FixedWidthColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
        : base(column, settings)
    {
        _dictionaryMode = settings.UseDictionary;
    }

    public void Stage(T value)
    {
        MarkStaged();
        _staged = value;
    }

    protected override long EstimatedPageValueBytes => _dictionaryMode
        ? DictionaryIndexEncoding.EstimateSize(_pageValueCount, _dictionaryCount)
        : (long)_pageValueCount * s_size;

    protected override long DictionaryBytes => (long)_dictionaryCount * s_size;

    protected override bool DictionaryOverflowed => _dictionaryOverflowed;

    protected override bool HasDictionaryPage => _dictionaryCount > 0;


    protected override void AppendStagedValue()
    {
        var value = _staged;
        if (TTraits.IsOrdered(value))
        {
            if (!_pageHasBounds)
            {
                _pageMin = value;
                _pageMax = value;
                _pageHasBounds = true;
            }
            else if (TTraits.LessThan(value, _pageMin))
            {
                _pageMin = value;
            }
            else if (TTraits.LessThan(_pageMax, value))
            {
                _pageMax = value;
            }
        }

        if (_pageValueCount == _pageValues.Length)
        {
            Array.Resize(ref _pageValues, _pageValues.Length * 2);
            Array.Resize(ref _pageIndices, _pageIndices.Length * 2);
        }
        if (!_dictionaryMode)
        {
            _pageValues[_pageValueCount++] = value;
            return;
        }
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_dictionary, value, out var exists);
        if (!exists)
        {
            slot = _dictionaryCount;
            if (_dictionaryCount == _dictionaryValues.Length)
            {
                Array.Resize(ref _dictionaryValues, _dictionaryValues.Length * 2);
            }
            _dictionaryValues[_dictionaryCount++] = value;
            if ((long)_dictionaryCount * s_size > Settings.DictionaryPageSizeLimitBytes)
            {
                _dictionaryOverflowed = true;
            }
        }
        _pageIndices[_pageValueCount++] = slot;
    }

    protected override void ClearStagedValue() => _staged = default;

    protected override void PrepareForEncoding(bool isFirstPageOfChunk)
    {
        if (!_dictionaryMode || !isFirstPageOfChunk)
        {
            return;
        }
        var plainBytes = (long)_pageValueCount * s_size;
        var dictionaryBytes = DictionaryBytes + DictionaryIndexEncoding.EstimateSize(_pageValueCount, _dictionaryCount);
        if (dictionaryBytes < plainBytes)
        {
            return;
        }
        for (var i = 0; i < _pageValueCount; i++)
        {
            _pageValues[i] = _dictionaryValues[_pageIndices[i]];
        }
        ClearDictionary();
        _dictionaryMode = false;
        _dictionaryAbandoned = true;
    }

    protected override ParquetEncoding EncodePageValues(ByteBuffer output)
    {
        if (_dictionaryMode)
        {
            DictionaryIndexEncoding.Encode(_pageIndices.AsSpan(0, _pageValueCount), _dictionaryCount, output);
            return ParquetEncoding.RleDictionary;
        }
        output.Write(MemoryMarshal.AsBytes(_pageValues.AsSpan(0, _pageValueCount)));
        return ParquetEncoding.Plain;
    }

    protected override ColumnStatistics TakePageStatistics(long nullCount)
    {
        if (!_pageHasBounds)
        {
            return new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: true);
        }
        if (!_chunkHasBounds)
        {
            _chunkMin = _pageMin;
            _chunkMax = _pageMax;
            _chunkHasBounds = true;
        }
        else
        {
            if (TTraits.LessThan(_pageMin, _chunkMin))
            {
                _chunkMin = _pageMin;
            }
            if (TTraits.LessThan(_chunkMax, _pageMax))
            {
                _chunkMax = _pageMax;
            }
        }
        return new ColumnStatistics(nullCount, TTraits.MinBytes(_pageMin), TTraits.MaxBytes(_pageMax), SignedOrderCompatible: true);
    }

    protected override ColumnStatistics TakeChunkStatistics(long nullCount) => _chunkHasBounds
        ? new ColumnStatistics(nullCount, TTraits.MinBytes(_chunkMin), TTraits.MaxBytes(_chunkMax), SignedOrderCompatible: true)
        : new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: true);

    protected override void ResetPageValues()
    {
        _pageValueCount = 0;
        _pageHasBounds = false;
    }

    protected override void AfterPageFinished()
    {
        if (_dictionaryOverflowed)
        {
            _dictionaryOverflowed = false;
            _dictionaryMode = false;
        }
    }

    protected override int EncodeDictionaryPage(ByteBuffer output)
    {
        output.Write(MemoryMarshal.AsBytes(_dictionaryValues.AsSpan(0, _dictionaryCount)));
        return _dictionaryCount;
    }

    protected override void ResetChunkValues()
    {
        ClearDictionary();
        _dictionaryMode = Settings.UseDictionary && !_dictionaryAbandoned;
        _chunkHasBounds = false;
    }

    private void ClearDictionary()
    {
        _dictionary.Clear();
        _dictionaryCount = 0;
        _dictionaryOverflowed = false;
    }
}

/// <summary>An INT32 column.</summary>
internal sealed class Int32ColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
    : FixedWidthColumnWriter<int, Int32Traits>(column, settings);

/// <summary>An INT64 column, also used for TIMESTAMP(MILLIS) columns.</summary>
internal sealed class Int64ColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
    : FixedWidthColumnWriter<long, Int64Traits>(column, settings);

/// <summary>A DOUBLE column, held as raw bits.</summary>
internal sealed class DoubleColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
    : FixedWidthColumnWriter<long, DoubleBitsTraits>(column, settings);
