using System.Text.Json;

namespace Streaming.TestSupport;

/// <summary>
/// Reads Parquet files with implementations no one here wrote: DuckDB (@duckdb/node-api) and hyparquet.
/// Every value comes back as a canonical string, so comparisons are exact:
/// doubles as their IEEE bits, 64-bit integers as decimals, binary as hex, timestamps as epoch milliseconds.
/// </summary>
public static class ParquetOracle
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    // Shared by both readers: turn a JS value into the canonical string, given the reader's own column type.
    private const string CanonicalJs = """
        const hex = (bytes) => Buffer.from(bytes).toString('hex');
        function doubleText(v) {
          if (Number.isNaN(v)) return 'NaN';
          const view = new DataView(new ArrayBuffer(8));
          view.setFloat64(0, v, false);
          return 'd:' + view.getBigUint64(0, false).toString(16).padStart(16, '0');
        }
        function canonical(v, kind) {
          if (v === null || v === undefined) return null;
          switch (kind) {
            case 'bool': return v ? 'true' : 'false';
            case 'int': return String(v);
            case 'double': return doubleText(Number(v));
            case 'string': return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
            case 'binary': return typeof v === 'string' ? hex(Buffer.from(v, 'latin1')) : hex(v);
            case 'timestamp':
              if (v instanceof Date) return String(v.getTime());
              if (typeof v === 'bigint' || typeof v === 'number') return String(v);
              if (v && typeof v.micros === 'bigint') return String(v.micros / 1000n);
              return 'unexpected timestamp ' + String(v);
            default: return 'unknown kind ' + kind;
          }
        }
        const stdin = await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => s += d); process.stdin.on('end', () => resolve(s)); });
        const request = JSON.parse(stdin);
        """;

    private const string DuckDbReadJs = CanonicalJs + """
        import('@duckdb/node-api').then(async ({ DuckDBInstance }) => {
          const instance = await DuckDBInstance.create(':memory:');
          const conn = await instance.connect();
          const kindOf = (t) => t === 'BOOLEAN' ? 'bool' : t === 'INTEGER' || t === 'BIGINT' ? 'int' : t === 'DOUBLE' ? 'double'
            : t === 'VARCHAR' ? 'string' : t === 'BLOB' ? 'binary' : t.startsWith('TIMESTAMP') ? 'timestamp' : 'unknown';
          const results = [];
          for (const file of request.files) {
            const lit = "'" + file.replaceAll("'", "''") + "'";
            const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit})`)).getRowObjectsJS();
            const columns = described.map((d) => ({ name: d.column_name, type: d.column_type }));
            const select = columns.map((c) => kindOf(c.type) === 'timestamp'
              ? `epoch_ms("${c.name.replaceAll('"', '""')}") AS "${c.name.replaceAll('"', '""')}"` : `"${c.name.replaceAll('"', '""')}"`).join(', ');
            const reader = await conn.runAndReadAll(`SELECT ${select} FROM read_parquet(${lit})`);
            const rows = reader.getRowsJS().map((row) => row.map((v, i) => canonical(v, kindOf(columns[i].type))));
            results.push({ file, columns, rows });
          }
          process.stdout.write(JSON.stringify(results));
        });
        """;

    private const string HyparquetReadJs = CanonicalJs + """
        Promise.all([import('hyparquet'), import('hyparquet-compressors'), import('node:fs/promises')]).then(async ([hp, hc, fs]) => {
          const results = [];
          for (const path of request.files) {
            const bytes = await fs.readFile(path);
            const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
            const metadata = await hp.parquetMetadataAsync(file);
            const leaves = metadata.schema.slice(1);
            const kindOf = (e) => e.type === 'BOOLEAN' ? 'bool' : e.type === 'INT32' ? 'int'
              : e.type === 'INT64' ? (e.logical_type?.type === 'TIMESTAMP' ? 'timestamp' : 'int') : e.type === 'DOUBLE' ? 'double'
              : e.type === 'BYTE_ARRAY' ? (e.logical_type?.type === 'STRING' ? 'string' : 'binary') : 'unknown';
            const columns = leaves.map((e) => ({
              name: e.name,
              type: [e.type, e.repetition_type, e.converted_type ?? '', e.logical_type ? JSON.stringify(e.logical_type) : ''].join('|'),
            }));
            const objects = await hp.parquetReadObjects({ file, compressors: hc.compressors, utf8: false });
            const rows = objects.map((o) => leaves.map((e) => canonical(o[e.name], kindOf(e))));
            results.push({ file: path, columns, rows, numRows: String(metadata.num_rows) });
          }
          process.stdout.write(JSON.stringify(results));
        });
        """;

    public static Task<IReadOnlyList<OracleFile>> ReadWithDuckDbAsync(IReadOnlyList<string> files) => ReadAsync(DuckDbReadJs, files);

    public static Task<IReadOnlyList<OracleFile>> ReadWithHyparquetAsync(IReadOnlyList<string> files) => ReadAsync(HyparquetReadJs, files);

    /// <summary>Runs SQL in DuckDB and returns the rows as JSON objects (DuckDB's own JSON conversion).</summary>
    public static Task<IReadOnlyList<JsonElement>> QueryDuckDbAsync(string sql) => DuckDbQuery.RunAsync(sql, s_timeout);

    /// <summary>A SQL string literal for a path.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<IReadOnlyList<OracleFile>> ReadAsync(string script, IReadOnlyList<string> files)
    {
        var output = await NodeScript.RunAsync(script, stdin: JsonSerializer.Serialize(new { files }), timeout: s_timeout);
        var parsed = JsonSerializer.Deserialize<List<OracleFile>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        return parsed ?? throw new InvalidOperationException("The oracle printed no result: " + output);
    }
}

/// <summary>One file as an oracle read it.</summary>
public sealed record OracleFile(string File, List<OracleColumn> Columns, List<List<string?>> Rows);

/// <summary>A column name and the oracle's type for it.</summary>
public sealed record OracleColumn(string Name, string Type);
