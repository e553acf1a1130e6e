using Streaming.Parquet.Encodings;

namespace Streaming.Parquet.Format;

/// <summary>Encodes Thrift PageHeader structs for data pages (v1) and dictionary pages.</summary>
internal static class PageHeaderWriter
{
    public static void WriteDataPageHeader(
        ByteBuffer output, int uncompressedSize, int compressedSize, int numValues, ParquetEncoding encoding, ColumnStatistics statistics)
    {
        var thrift = new ThriftCompactWriter(output);
        thrift.StructBegin();
        thrift.I32Field(1, (int)PageType.DataPage);
        thrift.I32Field(2, uncompressedSize);
        thrift.I32Field(3, compressedSize);
        thrift.StructFieldBegin(5);
        thrift.I32Field(1, numValues);
        thrift.I32Field(2, (int)encoding);
        thrift.I32Field(3, (int)ParquetEncoding.Rle);
        thrift.I32Field(4, (int)ParquetEncoding.Rle);
        thrift.StructFieldBegin(5);
        statistics.Write(thrift);
        thrift.StructEnd();
        thrift.StructEnd();
        thrift.StructEnd();
    }

    public static void WriteDictionaryPageHeader(ByteBuffer output, int uncompressedSize, int compressedSize, int numValues)
    {
        var thrift = new ThriftCompactWriter(output);
        thrift.StructBegin();
        thrift.I32Field(1, (int)PageType.DictionaryPage);
        thrift.I32Field(2, uncompressedSize);
        thrift.I32Field(3, compressedSize);
        thrift.StructFieldBegin(7);
        thrift.I32Field(1, numValues);
        thrift.I32Field(2, (int)ParquetEncoding.Plain);
        thrift.BoolField(3, false);
        thrift.StructEnd();
        thrift.StructEnd();
    }
}
