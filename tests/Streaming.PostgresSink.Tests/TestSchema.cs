using Npgsql;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>A private Postgres schema per test (the sink finds its tables through the connection's search path).</summary>
internal sealed class TestSchema : IAsyncDisposable
{
    private TestSchema(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The dev connection string with <c>Search Path</c> set to this schema.</summary>
    public string ConnectionString { get; }

    public static async Task<TestSchema> CreateAsync(string label)
    {
        var name = $"test_{label}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(DevStack.PgConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(DevStack.PgConnection) { SearchPath = name };
        return new TestSchema(name, builder.ConnectionString);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(DevStack.PgConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover schema only costs space in the dev cluster.
        }
    }
}
