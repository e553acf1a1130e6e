namespace Streaming.Parquet.Format;

/// <summary>
/// The Thrift Statistics of a page or column chunk: PLAIN-encoded bounds (byte arrays without the
/// length prefix) and the null count. <see cref="SignedOrderCompatible"/> says whether the bounds may
/// also go in the deprecated min/max fields, which readers interpret with signed comparison; that is
/// wrong for strings, whose order is unsigned byte-wise.
/// </summary>
internal sealed record ColumnStatistics(long NullCount, byte[]? Min, byte[]? Max, bool SignedOrderCompatible)
{
    public void Write(Encodings.ThriftCompactWriter thrift)
    {
        if (SignedOrderCompatible && Min is not null && Max is not null)
        {
            thrift.BinaryField(1, Max);
            thrift.BinaryField(2, Min);
        }
        thrift.I64Field(3, NullCount);
        if (Min is not null && Max is not null)
        {
            thrift.BinaryField(5, Max);
            thrift.BinaryField(6, Min);
            thrift.BoolField(7, true);
            thrift.BoolField(8, true);
        }
    }
}
