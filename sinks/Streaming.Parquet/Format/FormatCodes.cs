namespace Streaming.Parquet.Format;

// The enum values of apache/parquet-format src/main/thrift/parquet.thrift, as written on the wire.

internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}

internal enum ConvertedType
{
    Utf8 = 0,
    TimestampMillis = 9,
}

internal enum FieldRepetitionType
{
    Required = 0,
    Optional = 1,
}

internal enum ParquetEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    RleDictionary = 8,
}

internal enum CompressionCodec
{
    Uncompressed = 0,
    Snappy = 1,
}

internal enum PageType
{
    DataPage = 0,
    DictionaryPage = 2,
}
