using System.Text;

namespace Streaming.Sinks.S3;

/// <summary>
/// The Athena <c>CREATE EXTERNAL TABLE</c> of a lake table: the columns of its topic's Parquet mapping, partitioned by
/// <c>dt</c> (string, yyyy-MM-dd) and <c>hour</c> (int, two digits) with partition projection, so no
/// <c>MSCK REPAIR</c> or Glue crawler is needed as hours appear.
/// </summary>
public static class AthenaDdl
{
    /// <summary>The default first day of the <c>dt</c> projection range.</summary>
    public const string DefaultRangeStart = "2020-01-01";

    /// <summary>Builds the statement.</summary>
    /// <param name="table">Table name (letters, digits, underscores).</param>
    /// <param name="mapping">The table's columns.</param>
    /// <param name="location">The table folder, e.g. <c>s3://bucket/prefix/trips_clean/</c> (a trailing '/' is added when missing).</param>
    /// <param name="rangeStart">First day of the dt projection (yyyy-MM-dd); the range ends at NOW.</param>
    public static string Create(string table, ParquetTableMapping mapping, string location, string rangeStart = DefaultRangeStart)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentException.ThrowIfNullOrEmpty(location);
        var folder = location.EndsWith('/') ? location : location + "/";
        var sql = new StringBuilder();
        sql.Append("CREATE EXTERNAL TABLE IF NOT EXISTS `").Append(table).Append("` (\n");
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            var column = mapping.Columns[i];
            sql.Append("  `").Append(column.Field.Name).Append("` ").Append(column.AthenaType).Append(i + 1 < mapping.Columns.Count ? ",\n" : "\n");
        }
        sql.Append(")\n");
        sql.Append("PARTITIONED BY (`dt` string, `hour` int)\n");
        sql.Append("STORED AS PARQUET\n");
        sql.Append("LOCATION ").Append(Quote(folder)).Append('\n');
        sql.Append("TBLPROPERTIES (\n");
        var properties = new (string Key, string Value)[]
        {
            ("projection.enabled", "true"),
            ("projection.dt.type", "date"),
            ("projection.dt.format", "yyyy-MM-dd"),
            ("projection.dt.range", rangeStart + ",NOW"),
            ("projection.dt.interval", "1"),
            ("projection.dt.interval.unit", "DAYS"),
            ("projection.hour.type", "integer"),
            ("projection.hour.range", "0,23"),
            ("projection.hour.digits", "2"),
            ("storage.location.template", folder + "dt=${dt}/hour=${hour}/"),
            ("parquet.compression", "SNAPPY"),
        };
        for (var i = 0; i < properties.Length; i++)
        {
            sql.Append("  ").Append(Quote(properties[i].Key)).Append('=').Append(Quote(properties[i].Value)).Append(i + 1 < properties.Length ? ",\n" : "\n");
        }
        sql.Append(");\n");
        return sql.ToString();
    }

    // Athena string literals escape a single quote by doubling it.
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
