using Streaming.Parquet.Encodings;
using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>A BOOLEAN column: PLAIN, i.e. one bit per value, LSB first.</summary>
internal sealed class BooleanColumnWriter : ColumnWriter
{
    private byte[] _pageValues = new byte[256];
    private int _pageValueCount;
    private bool _staged;
    private bool _pageHasFalse;
    private bool _pageHasTrue;
    private bool _chunkHasFalse;
    private bool _chunkHasTrue;

    public BooleanColumnWriter(ParquetColumn column, ColumnWriterSettings settings)
        : base(column, settings)
    {
    }

    public void Stage(bool value)
    {
        MarkStaged();
        _staged = value;
    }

    protected override long EstimatedPageValueBytes => (_pageValueCount + 7) / 8;

    protected override void AppendStagedValue()
    {
        if (_pageValueCount == _pageValues.Length)
        {
            Array.Resize(ref _pageValues, _pageValues.Length * 2);
        }
        _pageValues[_pageValueCount++] = _staged ? (byte)1 : (byte)0;
        if (_staged)
        {
            _pageHasTrue = true;
        }
        else
        {
            _pageHasFalse = true;
        }
    }

    protected override void ClearStagedValue() => _staged = false;

    protected override ParquetEncoding EncodePageValues(ByteBuffer output)
    {
        var length = (_pageValueCount + 7) / 8;
        var span = output.GetSpan(length);
        span[..length].Clear();
        for (var i = 0; i < _pageValueCount; i++)
        {
            span[i >> 3] |= (byte)(_pageValues[i] << (i & 7));
        }
        output.Advance(length);
        return ParquetEncoding.Plain;
    }

    protected override ColumnStatistics TakePageStatistics(long nullCount)
    {
        _chunkHasFalse |= _pageHasFalse;
        _chunkHasTrue |= _pageHasTrue;
        return Statistics(nullCount, _pageHasFalse, _pageHasTrue);
    }

    protected override ColumnStatistics TakeChunkStatistics(long nullCount) => Statistics(nullCount, _chunkHasFalse, _chunkHasTrue);

    protected override void ResetPageValues()
    {
        _pageValueCount = 0;
        _pageHasFalse = false;
        _pageHasTrue = false;
    }

    protected override void ResetChunkValues()
    {
        _chunkHasFalse = false;
        _chunkHasTrue = false;
    }

    private static ColumnStatistics Statistics(long nullCount, bool hasFalse, bool hasTrue)
    {
        if (!hasFalse && !hasTrue)
        {
            return new ColumnStatistics(nullCount, null, null, SignedOrderCompatible: true);
        }
        byte[] min = [hasFalse ? (byte)0 : (byte)1];
        byte[] max = [hasTrue ? (byte)1 : (byte)0];
        return new ColumnStatistics(nullCount, min, max, SignedOrderCompatible: true);
    }
}
