using FluentAssertions;
using Npgsql;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Smoke.Tests;

public sealed class PostgresSmokeTests
{
    [Fact]
    public async Task ShouldWriteAndReadBackRows()
    {
        var table = "smoke_" + Guid.NewGuid().ToString("N");
        await using var dataSource = NpgsqlDataSource.Create(DevStack.PgConnection);
        await using var conn = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (id int PRIMARY KEY, city text NOT NULL, fare double precision)", conn))
        {
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var rows = new[] { (1, "London", 6.4), (2, "Zürich ☕", -0.5), (3, "Leeds", 1e300) };
            foreach (var (id, city, fare) in rows)
            {
                await using var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES ($1, $2, $3)", conn);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = city });
                insert.Parameters.Add(new NpgsqlParameter { Value = fare });
                await insert.ExecuteNonQueryAsync();
            }

            var read = new List<(int, string, double)>();
            await using (var select = new NpgsqlCommand($"SELECT id, city, fare FROM {table} ORDER BY id", conn))
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    read.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2)));
                }
            }
            read.Should().Equal(rows);
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE {table}", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
