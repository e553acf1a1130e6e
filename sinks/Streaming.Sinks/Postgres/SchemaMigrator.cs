using Microsoft.Extensions.Logging;
using Npgsql;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// Applies <see cref="Migrations"/> at start-up: each pending version in its own transaction, recorded in
/// <c>schema_migrations</c>. Idempotent, and safe for concurrent starters: a session advisory lock keyed by the current
/// schema serialises them, so the second starter finds everything applied.
/// </summary>
public sealed class SchemaMigrator
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<Migration> _migrations;

    /// <summary>Creates the migrator.</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, ILogger logger, IReadOnlyList<Migration>? migrations = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _migrations = migrations ?? Migrations.All;
        for (var i = 1; i < _migrations.Count; i++)
        {
            if (_migrations[i].Version <= _migrations[i - 1].Version)
            {
                throw new ArgumentException($"migration versions must increase: {_migrations[i].Version} follows {_migrations[i - 1].Version}.", nameof(migrations));
            }
        }
    }

    /// <summary>Applies the pending migrations.</summary>
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Session-level lock: held across the per-migration transactions, released on unlock or when the connection dies.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext(current_schema() || '.streaming.schema_migrations'))", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version      integer     PRIMARY KEY,
                    description  text        NOT NULL,
                    applied_at   timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (@v, @d)", connection))
                {
                    record.Parameters.AddWithValue("v", migration.Version);
                    record.Parameters.AddWithValue("d", migration.Description);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("postgres: applied migration {Version} ({Description})", migration.Version, migration.Description);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtext(current_schema() || '.streaming.schema_migrations'))", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
