using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Streaming.Parquet.Encodings;
using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>
/// BYTE_ARRAY columns: UTF-8 strings (dictionary-encoded while it pays, like the fixed-width columns) and
/// opaque binary (always PLAIN). Bounds are compared as unsigned bytes, the STRING and BYTE_ARRAY column
/// order, so they go only in min_value/max_value, never in the signed legacy fields. Bounds longer than
/// <see cref="MaxBoundBytes"/> are left out rather than bloat every page header and the footer.
/// </summary>
internal sealed class ByteArrayColumnWriter : ColumnWriter
{
    private const int MaxBoundBytes = 4096;

    private readonly bool _isString;
    private readonly Dictionary<string, int> _dictionary = new(StringComparer.Ordinal);
    private readonly ByteBuffer _dictionaryData = new(1024);
    private int[] _entryOffsets = new int[256];
    private int[] _entryLengths = new int[256];
    private int[] _entryLastPage = new int[256];
    private int _dictionaryCount;
    private bool _dictionaryMode;
    private bool _dictionaryOverflowed;
    private bool _dictionaryAbandoned;
    private int _pageSerial = 1;

    private readonly ByteBuffer _pageData = new(1024);
    private int[] _pageIndices = new int[256];
    private int _pageValueCount;
    private long _pagePlainBytes;

    private readonly ByteBuffer _pageMin = new(64);
    private readonly ByteBuffer _pageMax = new(64);
    private bool _pageHasBounds;
    private readonly ByteBuffer _chunkMin = new(64);
    private readonly ByteBuffer _chunkMax = new(64);
    private bool _chunkHasBounds;

    private string? _stagedString;
    private ReadOnlyMemory<byte> _stagedBytes;

    public ByteArrayColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
        : base(column, settings)
    {
        _isString = column.Type == ParquetColumnType.String;
        _dictionaryMode = _isString && settings.UseDictionary;
    }

    /// <summary>Stages a string. Unpaired surrogates are written as U+FFFD, as <see cref="Encoding.UTF8"/> does.</summary>
    public void Stage(string value)
    {
        MarkStaged();
        _stagedString = value;
    }

    /// <summary>Stages bytes; the memory must stay unchanged until the row is ended.</summary>
    public void Stage(ReadOnlyMemory<byte> value)
    {
        MarkStaged();
        _stagedBytes = value;
    }

    protected override long EstimatedPageValueBytes => _dictionaryMode
        ? DictionaryIndexEncoding.EstimateSize(_pageValueCount, _dictionaryCount)
        : _pageData.Length;

    protected override long DictionaryBytes => _dictionaryData.Length;

    protected override bool DictionaryOverflowed => _dictionaryOverflowed;

    protected override bool HasDictionaryPage => _dictionaryCount > 0;


    protected override void AppendStagedValue()
    {
        var text = _stagedString;
        _stagedString = null;
        if (text is null)
        {
            AppendPlainBytes(_stagedBytes.Span);
            _stagedBytes = default;
            return;
        }
        if (!_dictionaryMode)
        {
            var span = _pageData.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = Encoding.UTF8.GetBytes(text, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            ObserveBounds(span.Slice(4, length));
            _pageData.Advance(4 + length);
            _pageValueCount++;
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_dictionary, text, out var exists);
        if (!exists)
        {
            slot = AddEntry(text);
        }
        var index = slot;
        if (_entryLastPage[index] != _pageSerial)
        {
            _entryLastPage[index] = _pageSerial;
            ObserveBounds(_dictionaryData.WrittenSpan.Slice(_entryOffsets[index], _entryLengths[index]));
        }
        _pagePlainBytes += 4 + _entryLengths[index];
        if (_pageValueCount == _pageIndices.Length)
        {
            Array.Resize(ref _pageIndices, _pageIndices.Length * 2);
        }
        _pageIndices[_pageValueCount++] = index;
    }

    protected override void ClearStagedValue()
    {
        _stagedString = null;
        _stagedBytes = default;
    }

    protected override void PrepareForEncoding(bool isFirstPageOfChunk)
    {
        if (!_dictionaryMode || !isFirstPageOfChunk)
        {
            return;
        }
        var dictionaryBytes = DictionaryBytes + DictionaryIndexEncoding.EstimateSize(_pageValueCount, _dictionaryCount);
        if (dictionaryBytes < _pagePlainBytes)
        {
            return;
        }
        // The dictionary holds exactly the PLAIN encoding of each entry (length prefix included).
        var dictionary = _dictionaryData.WrittenSpan;
        _pageData.Clear();
        for (var i = 0; i < _pageValueCount; i++)
        {
            var entry = _pageIndices[i];
            _pageData.Write(dictionary.Slice(_entryOffsets[entry] - 4, _entryLengths[entry] + 4));
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
        output.Write(_pageData.WrittenSpan);
        return ParquetEncoding.Plain;
    }

    protected override ColumnStatistics TakePageStatistics(long nullCount)
    {
        if (!_pageHasBounds)
        {
            return new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: false);
        }
        if (!_chunkHasBounds || _pageMin.WrittenSpan.SequenceCompareTo(_chunkMin.WrittenSpan) < 0)
        {
            Replace(_chunkMin, _pageMin.WrittenSpan);
        }
        if (!_chunkHasBounds || _pageMax.WrittenSpan.SequenceCompareTo(_chunkMax.WrittenSpan) > 0)
        {
            Replace(_chunkMax, _pageMax.WrittenSpan);
        }
        _chunkHasBounds = true;
        return Bounds(nullCount, _pageMin, _pageMax);
    }

    protected override ColumnStatistics TakeChunkStatistics(long nullCount) => _chunkHasBounds
        ? Bounds(nullCount, _chunkMin, _chunkMax)
        : new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: false);

    protected override void ResetPageValues()
    {
        _pageData.Clear();
        _pageValueCount = 0;
        _pagePlainBytes = 0;
        _pageHasBounds = false;
        _pageSerial++;
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
        output.Write(_dictionaryData.WrittenSpan);
        return _dictionaryCount;
    }

    protected override void ResetChunkValues()
    {
        ClearDictionary();
        _dictionaryMode = _isString && Settings.UseDictionary && !_dictionaryAbandoned;
        _chunkHasBounds = false;
    }

    private void AppendPlainBytes(ReadOnlySpan<byte> bytes)
    {
        _pageData.WriteInt32LittleEndian(bytes.Length);
        _pageData.Write(bytes);
        ObserveBounds(bytes);
        _pageValueCount++;
    }

    private int AddEntry(string text)
    {
        var index = _dictionaryCount++;
        if (index == _entryOffsets.Length)
        {
            Array.Resize(ref _entryOffsets, index * 2);
            Array.Resize(ref _entryLengths, index * 2);
            Array.Resize(ref _entryLastPage, index * 2);
        }
        var span = _dictionaryData.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        _entryOffsets[index] = _dictionaryData.Length + 4;
        _entryLengths[index] = length;
        _entryLastPage[index] = 0;
        _dictionaryData.Advance(4 + length);
        if (_dictionaryData.Length > Settings.DictionaryPageSizeLimitBytes)
        {
            _dictionaryOverflowed = true;
        }
        return index;
    }

    private void ObserveBounds(ReadOnlySpan<byte> value)
    {
        if (!_pageHasBounds)
        {
            Replace(_pageMin, value);
            Replace(_pageMax, value);
            _pageHasBounds = true;
            return;
        }
        if (value.SequenceCompareTo(_pageMin.WrittenSpan) < 0)
        {
            Replace(_pageMin, value);
        }
        else if (value.SequenceCompareTo(_pageMax.WrittenSpan) > 0)
        {
            Replace(_pageMax, value);
        }
    }

    private void ClearDictionary()
    {
        _dictionary.Clear();
        _dictionaryData.Clear();
        _dictionaryCount = 0;
        _dictionaryOverflowed = false;
    }

    private static void Replace(ByteBuffer target, ReadOnlySpan<byte> value)
    {
        target.Clear();
        target.Write(value);
    }

    private static ColumnStatistics Bounds(long nullCount, ByteBuffer min, ByteBuffer max) =>
        min.Length > MaxBoundBytes || max.Length > MaxBoundBytes
            ? new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: false)
            : new ColumnStatistics(nullCount, min.WrittenSpan.ToArray(), max.WrittenSpan.ToArray(), SignedOrderCompatible: false);
}
