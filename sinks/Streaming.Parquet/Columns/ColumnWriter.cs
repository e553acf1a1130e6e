using System.Buffers;
using Streaming.Parquet.Encodings;
using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>
/// Buffers one column of the current row group as finished, compressed data pages plus one open page,
/// and turns them into a column chunk (optional dictionary page first, then the data pages).
/// A row's value is first staged, then committed by <see cref="Commit"/> once every column of the row
/// was validated, so a rejected row never leaves columns misaligned.
/// </summary>
internal abstract class ColumnWriter
{
    private readonly ByteBuffer _pageBody = new(4096);
    private readonly ByteBuffer _dataPages = new(4096);
    private readonly ByteBuffer _dictionaryPage = new(256);
    private byte[] _levels;
    private bool _staged;
    private bool _stagedNull;
    private int _pageNulls;
    private long _chunkNulls;
    private long _chunkValues;
    private long _chunkUncompressed;
    private long _chunkCompressed;
    private int _plainPages;
    private int _dictionaryPages;

    // Pages whose compression runs on the thread pool, oldest first; drained into _dataPages in order.
    private readonly Queue<PendingPage> _pendingPages = new();
    private long _pendingBytes;

    protected ColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
    {
        Column = column;
        Settings = settings;
        _levels = column.Optional ? new byte[Math.Min(settings.PageRowLimit, 1024)] : [];
    }

    public ParquetColumn Column { get; }

    protected ColumnWriterSettings Settings { get; }

    /// <summary>Rows (values and nulls) in the open page.</summary>
    protected int PageRows { get; private set; }

    /// <summary>Data pages finished in the current chunk.</summary>
    protected int ChunkDataPages => _plainPages + _dictionaryPages;

    public bool IsStaged => _staged;

    /// <summary>Encoded bytes this column holds for the current row group: finished pages, dictionary, open page.</summary>
    public long BufferedBytes => _dataPages.Length + _pendingBytes + DictionaryBytes + EstimatedPageValueBytes + PageRows / 8;

    /// <summary>Rows committed to the current chunk.</summary>
    public long ChunkRows => _chunkValues + PageRows;

    public void StageNull()
    {
        if (!Column.Optional)
        {
            throw new ParquetException($"Column '{Column.Name}' is required, but the value is null.", Column.Name);
        }
        MarkStaged();
        _stagedNull = true;
    }

    public void DiscardStaged()
    {
        _staged = false;
        _stagedNull = false;
        ClearStagedValue();
    }

    /// <summary>Appends the staged value, or a null when nothing (or null) was staged.</summary>
    public void Commit()
    {
        var isNull = !_staged || _stagedNull;
        if (Column.Optional)
        {
            if (PageRows == _levels.Length)
            {
                Array.Resize(ref _levels, _levels.Length * 2);
            }
            _levels[PageRows] = isNull ? (byte)0 : (byte)1;
        }
        if (isNull)
        {
            _pageNulls++;
        }
        else
        {
            AppendStagedValue();
        }
        _staged = false;
        _stagedNull = false;
        PageRows++;
        if (PageRows >= Settings.PageRowLimit || DictionaryOverflowed || EstimatedPageValueBytes >= Settings.PageSizeBytes)
        {
            FinishPage();
        }
    }

    /// <summary>
    /// Closes the open page and lays out the chunk. The bytes to write are then
    /// <see cref="DictionaryPageBytes"/> followed by <see cref="DataPageBytes"/>; call <see cref="ResetChunk"/> after.
    /// </summary>
    public ColumnChunkMetadata CompleteChunk(long chunkOffset)
    {
        FinishPage();
        while (_pendingPages.Count > 0)
        {
            DrainOldestPage();
        }
        _dictionaryPage.Clear();
        long? dictionaryOffset = null;
        var encodingStats = new List<PageEncodingCount>();
        var encodings = new List<ParquetEncoding>();
        if (HasDictionaryPage)
        {
            _pageBody.Clear();
            var count = EncodeDictionaryPage(_pageBody);
            var compressed = PageCompressor.Compress(Settings.Codec, _pageBody.WrittenSpan);
            PageHeaderWriter.WriteDictionaryPageHeader(_dictionaryPage, _pageBody.Length, compressed.Length, count);
            var headerLength = _dictionaryPage.Length;
            _dictionaryPage.Write(compressed);
            _chunkUncompressed += headerLength + _pageBody.Length;
            _chunkCompressed += _dictionaryPage.Length;
            dictionaryOffset = chunkOffset;
            encodingStats.Add(new PageEncodingCount(PageType.DictionaryPage, ParquetEncoding.Plain, 1));
        }
        if (_dictionaryPages > 0)
        {
            encodingStats.Add(new PageEncodingCount(PageType.DataPage, ParquetEncoding.RleDictionary, _dictionaryPages));
        }
        if (_plainPages > 0)
        {
            encodingStats.Add(new PageEncodingCount(PageType.DataPage, ParquetEncoding.Plain, _plainPages));
        }
        if (HasDictionaryPage || _plainPages > 0)
        {
            encodings.Add(ParquetEncoding.Plain);
        }
        if (Column.Optional)
        {
            encodings.Add(ParquetEncoding.Rle);
        }
        if (_dictionaryPages > 0)
        {
            encodings.Add(ParquetEncoding.RleDictionary);
        }

        return new ColumnChunkMetadata(
            FileMetadataWriter.PhysicalTypeOf(Column.Type),
            encodings,
            Column.Name,
            Settings.Codec,
            _chunkValues,
            _chunkUncompressed,
            _chunkCompressed,
            chunkOffset + _dictionaryPage.Length,
            dictionaryOffset,
            TakeChunkStatistics(_chunkNulls),
            encodingStats);
    }

    public ReadOnlyMemory<byte> DictionaryPageBytes => _dictionaryPage.WrittenMemory;

    public ReadOnlyMemory<byte> DataPageBytes => _dataPages.WrittenMemory;

    public void ResetChunk()
    {
        _dataPages.Clear();
        _dictionaryPage.Clear();
        _chunkNulls = 0;
        _chunkValues = 0;
        _chunkUncompressed = 0;
        _chunkCompressed = 0;
        _plainPages = 0;
        _dictionaryPages = 0;
        ResetChunkValues();
    }

    protected void MarkStaged()
    {
        if (_staged)
        {
            throw new ParquetException($"Column '{Column.Name}' was already set in this row.", Column.Name);
        }
        _staged = true;
    }

    private void FinishPage()
    {
        if (PageRows == 0)
        {
            return;
        }
        PrepareForEncoding(isFirstPageOfChunk: ChunkDataPages == 0);
        _pageBody.Clear();
        if (Column.Optional)
        {
            // Data page v1: definition levels are prefixed by their byte length.
            var lengthAt = _pageBody.Length;
            _pageBody.WriteInt32LittleEndian(0);
            RleBitPackedHybridEncoder.Encode<byte>(_levels.AsSpan(0, PageRows), 1, _pageBody);
            _pageBody.PatchInt32LittleEndian(lengthAt, _pageBody.Length - lengthAt - 4);
        }
        var encoding = EncodePageValues(_pageBody);
        var statistics = TakePageStatistics(_pageNulls);
        if (Settings.CompressInBackground && Settings.Codec != CompressionCodec.Uncompressed)
        {
            var length = _pageBody.Length;
            var body = ArrayPool<byte>.Shared.Rent(length);
            _pageBody.WrittenSpan.CopyTo(body);
            var codec = Settings.Codec;
            var compression = Task.Run(() => PageCompressor.CompressToArray(codec, body.AsSpan(0, length)));
            _pendingPages.Enqueue(new PendingPage(body, length, PageRows, encoding, statistics, compression));
            _pendingBytes += length;
            while (_pendingPages.Count > MaxPendingPages)
            {
                DrainOldestPage();
            }
        }
        else
        {
            AppendPage(_pageBody.WrittenSpan, PageCompressor.Compress(Settings.Codec, _pageBody.WrittenSpan), PageRows, encoding, statistics);
        }
        _chunkValues += PageRows;
        _chunkNulls += _pageNulls;
        if (encoding == ParquetEncoding.RleDictionary)
        {
            _dictionaryPages++;
        }
        else
        {
            _plainPages++;
        }
        PageRows = 0;
        _pageNulls = 0;
        ResetPageValues();
        AfterPageFinished();
    }

    // Two pages in flight per column keep both cores busy without holding much memory.
    private const int MaxPendingPages = 2;

    private void AppendPage(ReadOnlySpan<byte> body, ReadOnlySpan<byte> compressed, int numValues, ParquetEncoding encoding, ColumnStatistics statistics)
    {
        var before = _dataPages.Length;
        PageHeaderWriter.WriteDataPageHeader(_dataPages, body.Length, compressed.Length, numValues, encoding, statistics);
        var headerLength = _dataPages.Length - before;
        _dataPages.Write(compressed);
        _chunkUncompressed += headerLength + body.Length;
        _chunkCompressed += headerLength + compressed.Length;
    }

    private void DrainOldestPage()
    {
        var page = _pendingPages.Dequeue();
        try
        {
            // CPU-bound work on the pool; waiting here is what bounds the pages in flight.
            var compressed = page.Compression.GetAwaiter().GetResult();
            AppendPage(page.Body.AsSpan(0, page.Length), compressed, page.NumValues, page.Encoding, page.Statistics);
        }
        finally
        {
            _pendingBytes -= page.Length;
            ArrayPool<byte>.Shared.Return(page.Body);
        }
    }

    private sealed record PendingPage(byte[] Body, int Length, int NumValues, ParquetEncoding Encoding, ColumnStatistics Statistics, Task<byte[]> Compression);

    /// <summary>Encoded size of the open page's values (dictionary indices or PLAIN values).</summary>
    protected abstract long EstimatedPageValueBytes { get; }

    /// <summary>PLAIN-encoded size of the chunk's dictionary so far (0 without one).</summary>
    protected virtual long DictionaryBytes => 0;

    /// <summary>True once the dictionary passed its byte limit: the open page is closed and the chunk continues PLAIN.</summary>
    protected virtual bool DictionaryOverflowed => false;

    /// <summary>True when some data page of the chunk refers to the dictionary.</summary>
    protected virtual bool HasDictionaryPage => false;

    protected abstract void AppendStagedValue();

    protected abstract void ClearStagedValue();

    /// <summary>Last chance before the open page is encoded, e.g. to give up a dictionary that does not pay.</summary>
    protected virtual void PrepareForEncoding(bool isFirstPageOfChunk)
    {
    }

    /// <summary>Writes the open page's values and returns their encoding.</summary>
    protected abstract ParquetEncoding EncodePageValues(ByteBuffer output);

    /// <summary>Returns the open page's statistics and folds them into the chunk's.</summary>
    protected abstract ColumnStatistics TakePageStatistics(long nullCount);

    protected abstract ColumnStatistics TakeChunkStatistics(long nullCount);

    protected abstract void ResetPageValues();

    protected virtual void AfterPageFinished()
    {
    }

    /// <summary>Writes the PLAIN dictionary page body and returns the number of entries.</summary>
    protected virtual int EncodeDictionaryPage(ByteBuffer output) => 0;

    protected abstract void ResetChunkValues();
}
