using FluentAssertions;

namespace Streaming.Parquet.Tests;

/// <summary>Exact comparison of what an oracle read with what was written, reporting the first difference.</summary>
internal static class OracleAssert
{
    public static void SameRows(OracleFile actual, TestTable expected, string reader)
    {
        var expectedRows = expected.CanonicalRows();
        actual.Rows.Count.Should().Be(expectedRows.Count, $"{reader} should read every row of {actual.File} ({expected.Describe()})");
        for (var r = 0; r < expectedRows.Count; r++)
        {
            var got = actual.Rows[r];
            got.Count.Should().Be(expectedRows[r].Count, $"{reader} row {r} should have every column");
            for (var c = 0; c < got.Count; c++)
            {
                if (!string.Equals(got[c], expectedRows[r][c], StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{reader} read row {r}, column '{expected.Schema.Columns[c].Name}' ({expected.Schema.Columns[c].Type}) of {actual.File} as " +
                        $"{Show(got[c])} but {Show(expectedRows[r][c])} was written. Table: {expected.Describe()}");
                }
            }
        }
    }

    public static void SameDuckDbSchema(OracleFile actual, ParquetSchema schema) =>
        actual.Columns.Select(c => (c.Name, c.Type)).Should().Equal(
            schema.Columns.Select(c => (c.Name, CanonicalValue.DuckDbType(c.Type))));

    public static void SameHyparquetSchema(OracleFile actual, ParquetSchema schema) =>
        actual.Columns.Select(c => (c.Name, c.Type)).Should().Equal(
            schema.Columns.Select(c => (c.Name, CanonicalValue.HyparquetType(c))));

    private static string Show(string? value) => value is null ? "null" : value.Length > 80 ? $"\"{value[..80]}…\" (length {value.Length})" : $"\"{value}\"";
}
