using System.Text.Json;

namespace Streaming.TestSupport;

/// <summary>Runs SQL in DuckDB (the @duckdb/node-api oracle, in a fresh in-memory database) through <see cref="NodeScript"/>.</summary>
public static class DuckDbQuery
{
    private const string Script = """
        const stdin = await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => s += d); process.stdin.on('end', () => resolve(s)); });
        const { DuckDBInstance } = await import('@duckdb/node-api');
        const instance = await DuckDBInstance.create(':memory:');
        const conn = await instance.connect();
        const reader = await conn.runAndReadAll(JSON.parse(stdin).sql);
        process.stdout.write(JSON.stringify(reader.getRowObjectsJson()));
        """;

    /// <summary>Returns the rows as JSON objects (DuckDB's own JSON conversion), one per row, column name to value.</summary>
    /// <exception cref="TimeoutException">DuckDB did not finish within <paramref name="timeout"/>.</exception>
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(string sql, TimeSpan timeout)
    {
        // The SQL goes through stdin, so paths and quotes in it need no shell or argv escaping.
        var output = await NodeScript.RunAsync(Script, stdin: JsonSerializer.Serialize(new { sql }), timeout: timeout).ConfigureAwait(false);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
