namespace Streaming.Parquet.Tests;

/// <summary>
/// A table with every column type, required and optional, whose rows cycle through the edge cases
/// (extremes, -0.0, NaN, infinities, empty and non-ASCII strings, NUL, long strings, epoch boundaries)
/// mixed with seeded random values, low-cardinality values and nulls.
/// </summary>
internal static class EdgeCaseTable
{
    private static readonly bool[] s_booleans = [true, false];
    private static readonly int[] s_int32s = [int.MinValue, int.MaxValue, 0, -1, 1];
    private static readonly long[] s_int64s = [long.MinValue, long.MaxValue, 0, -1, 1, int.MinValue - 1L];
    private static readonly double[] s_doubles =
        [double.MinValue, double.MaxValue, double.Epsilon, -double.Epsilon, -0.0, 0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-300, Math.PI];
    private static readonly string[] s_strings =
        ["", "héllo wörld", "🎉🚕 emoji", "日本語のテキスト", "中文", "a\u0000b", "tab\tnewline\n", new string('x', 5000), "Ωmega", "\uFFFF"];
    private static readonly byte[][] s_binaries = [[], [0], [0xFF, 0xFE, 0x00, 0x80], [.. Enumerable.Range(0, 256).Select(i => (byte)i)]];
    private static readonly DateTimeOffset[] s_timestamps =
    [
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.FromUnixTimeMilliseconds(-1),
        new(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
        new(2026, 11, 21, 13, 45, 7, 123, TimeSpan.Zero),
    ];

    private static readonly string[] s_cities = ["Amsterdam", "Berlin", "Chennai", "Dakar", "São Paulo", "東京", "Zürich", "Kraków"];

    public static ParquetSchema Schema { get; } = new(
        Enum.GetValues<ParquetColumnType>().SelectMany(t => new[]
        {
            new ParquetColumn(t.ToString().ToLowerInvariant(), t),
            new ParquetColumn(t.ToString().ToLowerInvariant() + "_opt", t, Optional: true),
        }));

    public static TestTable Create(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new List<object?[]>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = new object?[Schema.Columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                var column = Schema.Columns[c];
                if (column.Optional && (r % 7 == 3 || random.Next(10) == 0))
                {
                    row[c] = null;
                    continue;
                }
                row[c] = Value(column.Type, r, random);
            }
            data.Add(row);
        }
        return new TestTable(Schema, data);
    }

    private static object Value(ParquetColumnType type, int row, Random random)
    {
        // A third edge cases, a third low cardinality, a third random.
        var mode = row % 3;
        return type switch
        {
            ParquetColumnType.Boolean => mode == 2 ? random.Next(2) == 0 : s_booleans[row % 2],
            ParquetColumnType.Int32 => mode == 0 ? s_int32s[row / 3 % s_int32s.Length] : mode == 1 ? row % 5 * 1000 : random.Next(int.MinValue, int.MaxValue),
            ParquetColumnType.Int64 => mode == 0 ? s_int64s[row / 3 % s_int64s.Length] : mode == 1 ? row % 4 : random.NextInt64(long.MinValue, long.MaxValue),
            ParquetColumnType.Double => mode == 0 ? s_doubles[row / 3 % s_doubles.Length] : mode == 1 ? row % 6 * 0.25 : BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && !double.IsNaN(d) ? d : 1.5,
            ParquetColumnType.String => mode == 0 ? s_strings[row / 3 % s_strings.Length] : mode == 1 ? s_cities[row % s_cities.Length] : RandomText(random),
            ParquetColumnType.Binary => mode == 0 ? s_binaries[row / 3 % s_binaries.Length] : RandomBytes(random),
            ParquetColumnType.TimestampMillis => mode == 0
                ? s_timestamps[row / 3 % s_timestamps.Length]
                : DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L + (mode == 1 ? row % 10 * 3_600_000L : random.NextInt64(-1_000_000_000_000L, 1_000_000_000_000L))),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -éß漢字🎉";
        var length = random.Next(0, 24);
        var builder = new System.Text.StringBuilder(length * 2);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
        var units = new List<string>();
        while (elements.MoveNext())
        {
            units.Add(elements.GetTextElement());
        }
        for (var i = 0; i < length; i++)
        {
            builder.Append(units[random.Next(units.Count)]);
        }
        return builder.ToString();
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 20)];
        random.NextBytes(bytes);
        return bytes;
    }
}
