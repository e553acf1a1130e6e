using System.Net.Sockets;
using Npgsql;

namespace Streaming.Sinks.Postgres;

/// <summary>Which Postgres failures are transient (retry the same batch) and which are fatal.</summary>
public static class PostgresErrors
{
    /// <summary>
    /// Transient: connection refused or broken (I/O, socket, timeout), class 08 (connection exception), class 53
    /// (insufficient resources), 57P01/57P02/57P03 (admin or crash shutdown, cannot connect now), 40001 (serialization
    /// failure) and 40P01 (deadlock). Everything else (syntax, constraint, authentication) is fatal.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => IsTransientSqlState(pg.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Whether a SQLSTATE is one of the transient codes (see <see cref="IsTransient"/>).</summary>
    public static bool IsTransientSqlState(string sqlState) =>
        sqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01"
        || sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal);
}
