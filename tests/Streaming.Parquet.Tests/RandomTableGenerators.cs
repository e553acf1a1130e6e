using FsCheck;
using FsCheck.Fluent;

namespace Streaming.Parquet.Tests;

/// <summary>FsCheck generators of random flat schemas, rows and writer options.</summary>
internal static class RandomTableGenerators
{
    private static readonly string[] s_textPieces = ["a", "b", "Z", "0", " ", "é", "ß", "漢", "字", "🎉", "🚕", "\u0000", "\n", "Ω", "\uFFFD", "xyz"];
    private const long MinTimestampMillis = -62_135_596_800_000L; // 0001-01-01
    private const long MaxTimestampMillis = 253_402_300_799_999L; // 9999-12-31T23:59:59.999

    public static Gen<RandomCase> Case { get; } =
        from columnCount in Gen.Choose(1, 8)
        from columns in ColumnGen.ArrayOf(columnCount)
        from rowCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 200)), (3, Gen.Choose(200, 1500)))
        from rows in RowGen(columns).ArrayOf(rowCount)
        from options in OptionsGen
        select new RandomCase(new TestTable(new ParquetSchema(columns.Select((c, i) => c with { Name = $"{c.Name}{i}" })), rows), options);

    private static Gen<ParquetColumn> ColumnGen =>
        from type in Gen.Elements(Enum.GetValues<ParquetColumnType>())
        from optional in Gen.Elements(true, false)
        from name in Gen.Elements("c", "col_", "Name With Space ", "名前", "a\"quote")
        select new ParquetColumn(name, type, optional);

    private static Gen<ParquetWriterOptions> OptionsGen =>
        from compression in Gen.Elements(ParquetCompression.Uncompressed, ParquetCompression.Snappy)
        from strings in Gen.Elements(true, false)
        from numbers in Gen.Elements(true, false)
        from pageRows in Gen.Choose(1, 500)
        from pageBytes in Gen.Choose(64, 16 * 1024)
        from rowGroupBytes in Gen.Choose(1024, 128 * 1024)
        from dictionaryLimit in Gen.Choose(0, 4096)
        select new ParquetWriterOptions
        {
            Compression = compression,
            DictionaryForStrings = strings,
            DictionaryForNumbers = numbers,
            PageRowLimit = pageRows,
            PageSizeBytes = pageBytes,
            RowGroupSizeBytes = rowGroupBytes,
            DictionaryPageSizeLimitBytes = dictionaryLimit,
        };

    private static Gen<object?[]> RowGen(ParquetColumn[] columns) =>
        Gen.CollectToArray(columns.Select(c => c.Optional
            ? Gen.Frequency((1, Gen.Constant<object?>(null)), (3, ValueGen(c.Type)))
            : ValueGen(c.Type)));

    private static Gen<object?> ValueGen(ParquetColumnType type) => type switch
    {
        ParquetColumnType.Boolean => Gen.Elements<object?>(true, false),
        ParquetColumnType.Int32 => Gen.Frequency(
            (2, Gen.Choose(-5, 5)),
            (2, Gen.Choose(int.MinValue, int.MaxValue)),
            (1, Gen.Elements(int.MinValue, int.MaxValue))).Select(v => (object?)v),
        ParquetColumnType.Int64 => Gen.Frequency(
            (2, Gen.Choose(-5, 5).Select(v => (long)v)),
            (2, Int64Gen),
            (1, Gen.Elements(long.MinValue, long.MaxValue))).Select(v => (object?)v),
        ParquetColumnType.Double => Gen.Frequency(
            (2, Gen.Choose(-4, 4).Select(v => v / 2.0)),
            (2, Int64Gen.Select(BitConverter.Int64BitsToDouble).Select(d => double.IsNaN(d) ? double.NaN : d)),
            (1, Gen.Elements(double.NaN, -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.MinValue, double.MaxValue, double.Epsilon))).Select(v => (object?)v),
        ParquetColumnType.String => Gen.Frequency(
            (2, Gen.Elements("", "Berlin", "東京", "São Paulo")),
            (3, Gen.Elements(s_textPieces).ArrayOf().Select(parts => string.Concat(parts)))).Select(v => (object?)v),
        ParquetColumnType.Binary => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().Select(v => (object?)v),
        ParquetColumnType.TimestampMillis => Int64Gen
            .Select(v => MinTimestampMillis + (long)((ulong)v % (ulong)(MaxTimestampMillis - MinTimestampMillis + 1)))
            .Select(ms => (object?)DateTimeOffset.FromUnixTimeMilliseconds(ms)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static Gen<long> Int64Gen =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)high << 32) | (uint)low;
}

/// <summary>A random table and the options to write it with.</summary>
internal sealed record RandomCase(TestTable Table, ParquetWriterOptions Options)
{
    public override string ToString() =>
        $"{Table.Describe()}; {Options.Compression}, dict strings {Options.DictionaryForStrings}, numbers {Options.DictionaryForNumbers}, " +
        $"page rows {Options.PageRowLimit}, page bytes {Options.PageSizeBytes}, row group bytes {Options.RowGroupSizeBytes}, dictionary limit {Options.DictionaryPageSizeLimitBytes}";
}
