using Streaming.Parquet.Encodings;

namespace Streaming.Parquet.Format;

/// <summary>Encodes the Thrift FileMetaData footer for a flat schema.</summary>
internal static class FileMetadataWriter
{
    private const string RootName = "schema";

    public static void Write(
        ByteBuffer output,
        ParquetSchema schema,
        IReadOnlyList<RowGroupMetadata> rowGroups,
        IReadOnlyList<KeyValuePair<string, string>> keyValueMetadata,
        string createdBy)
    {
        var thrift = new ThriftCompactWriter(output);
        thrift.StructBegin();
        thrift.I32Field(1, 1);
        WriteSchema(thrift, schema);
        thrift.I64Field(3, rowGroups.Sum(g => g.NumRows));
        thrift.ListFieldBegin(4, ThriftCompactWriter.TypeStruct, rowGroups.Count);
        foreach (var rowGroup in rowGroups)
        {
            WriteRowGroup(thrift, rowGroup);
        }
        thrift.ListFieldBegin(5, ThriftCompactWriter.TypeStruct, keyValueMetadata.Count);
        foreach (var (key, value) in keyValueMetadata)
        {
            thrift.StructBegin();
            thrift.StringField(1, key);
            thrift.StringField(2, value);
            thrift.StructEnd();
        }
        thrift.StringField(6, createdBy);

        // TYPE_DEFINED_ORDER for every leaf: it makes min_value/max_value authoritative for readers.
        thrift.ListFieldBegin(7, ThriftCompactWriter.TypeStruct, schema.Columns.Count);
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            thrift.StructBegin();
            thrift.StructFieldBegin(1);
            thrift.StructEnd();
            thrift.StructEnd();
        }
        thrift.StructEnd();
    }

    private static void WriteSchema(ThriftCompactWriter thrift, ParquetSchema schema)
    {
        thrift.ListFieldBegin(2, ThriftCompactWriter.TypeStruct, schema.Columns.Count + 1);
        thrift.StructBegin();
        thrift.StringField(4, RootName);
        thrift.I32Field(5, schema.Columns.Count);
        thrift.StructEnd();
        foreach (var column in schema.Columns)
        {
            thrift.StructBegin();
            thrift.I32Field(1, (int)PhysicalTypeOf(column.Type));
            thrift.I32Field(3, (int)(column.Optional ? FieldRepetitionType.Optional : FieldRepetitionType.Required));
            thrift.StringField(4, column.Name);
            switch (column.Type)
            {
                case ParquetColumnType.String:
                    thrift.I32Field(6, (int)ConvertedType.Utf8);
                    thrift.StructFieldBegin(10);
                    thrift.StructFieldBegin(1); // LogicalType.STRING
                    thrift.StructEnd();
                    thrift.StructEnd();
                    break;
                case ParquetColumnType.TimestampMillis:
                    thrift.I32Field(6, (int)ConvertedType.TimestampMillis);
                    thrift.StructFieldBegin(10);
                    thrift.StructFieldBegin(8); // LogicalType.TIMESTAMP
                    thrift.BoolField(1, true); // isAdjustedToUTC
                    thrift.StructFieldBegin(2); // unit
                    thrift.StructFieldBegin(1); // TimeUnit.MILLIS
                    thrift.StructEnd();
                    thrift.StructEnd();
                    thrift.StructEnd();
                    thrift.StructEnd();
                    break;
            }
            thrift.StructEnd();
        }
    }

    private static void WriteRowGroup(ThriftCompactWriter thrift, RowGroupMetadata rowGroup)
    {
        thrift.StructBegin();
        thrift.ListFieldBegin(1, ThriftCompactWriter.TypeStruct, rowGroup.Columns.Count);
        foreach (var chunk in rowGroup.Columns)
        {
            WriteColumnChunk(thrift, chunk);
        }
        thrift.I64Field(2, rowGroup.TotalUncompressedSize);
        thrift.I64Field(3, rowGroup.NumRows);
        thrift.I64Field(5, rowGroup.FileOffset);
        thrift.I64Field(6, rowGroup.TotalCompressedSize);
        thrift.I16Field(7, rowGroup.Ordinal);
        thrift.StructEnd();
    }

    private static void WriteColumnChunk(ThriftCompactWriter thrift, ColumnChunkMetadata chunk)
    {
        thrift.StructBegin();
        thrift.I64Field(2, chunk.StartOffset);
        thrift.StructFieldBegin(3);
        thrift.I32Field(1, (int)chunk.Type);
        thrift.ListFieldBegin(2, ThriftCompactWriter.TypeI32, chunk.Encodings.Count);
        foreach (var encoding in chunk.Encodings)
        {
            thrift.I32Value((int)encoding);
        }
        thrift.ListFieldBegin(3, ThriftCompactWriter.TypeBinary, 1);
        thrift.StringValue(chunk.Path);
        thrift.I32Field(4, (int)chunk.Codec);
        thrift.I64Field(5, chunk.NumValues);
        thrift.I64Field(6, chunk.TotalUncompressedSize);
        thrift.I64Field(7, chunk.TotalCompressedSize);
        thrift.I64Field(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset is { } dictionaryOffset)
        {
            thrift.I64Field(11, dictionaryOffset);
        }
        thrift.StructFieldBegin(12);
        chunk.Statistics.Write(thrift);
        thrift.StructEnd();
        thrift.ListFieldBegin(13, ThriftCompactWriter.TypeStruct, chunk.EncodingStats.Count);
        foreach (var stat in chunk.EncodingStats)
        {
            thrift.StructBegin();
            thrift.I32Field(1, (int)stat.PageType);
            thrift.I32Field(2, (int)stat.Encoding);
            thrift.I32Field(3, stat.Count);
            thrift.StructEnd();
        }
        thrift.StructEnd();
        thrift.StructEnd();
    }

    public static PhysicalType PhysicalTypeOf(ParquetColumnType type) => type switch
    {
        ParquetColumnType.Boolean => PhysicalType.Boolean,
        ParquetColumnType.Int32 => PhysicalType.Int32,
        ParquetColumnType.Int64 or ParquetColumnType.TimestampMillis => PhysicalType.Int64,
        ParquetColumnType.Double => PhysicalType.Double,
        ParquetColumnType.String or ParquetColumnType.Binary => PhysicalType.ByteArray,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
