using Npgsql;

namespace Streaming.Sinks.Postgres.Copy;

/// <summary>
/// Sends rows of a <see cref="CopyRowBuffer"/> with <c>COPY … FROM STDIN (FORMAT BINARY)</c> over Npgsql's raw
/// binary copy stream: the file header, the tuples, and the end-of-data trailer.
/// </summary>
internal static class BinaryCopy
{
    // "PGCOPY\n\377\r\n\0", then a 32-bit flags field (no OIDs) and a 32-bit header-extension length (none).
    private static readonly byte[] s_header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // A field count of -1 ends the data.
    private static readonly byte[] s_trailer = [0xFF, 0xFF];

    /// <summary>
    /// Copies the given rows into <paramref name="table"/> (<paramref name="columns"/> in tuple field order). The
    /// server's verdict (a unique violation, say) surfaces as a <see cref="PostgresException"/> when the copy ends.
    /// </summary>
    /// <param name="connection">An open connection, inside the caller's transaction.</param>
    /// <param name="table">Target table.</param>
    /// <param name="columns">Column list matching the tuples' fields.</param>
    /// <param name="rows">The buffer holding the tuples.</param>
    /// <param name="slices">Start and length of each tuple to send, in order.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task CopyAsync(
        NpgsqlConnection connection, string table, string columns, CopyRowBuffer rows, IEnumerable<(int Start, int Length)> slices,
        CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(s_header, cancellationToken).ConfigureAwait(false);
            // Adjacent tuples go out in one write; a row replaced by a later one of the same key leaves a gap.
            var (runStart, runLength) = (0, 0);
            foreach (var (start, length) in slices)
            {
                if (runLength > 0 && runStart + runLength == start)
                {
                    runLength += length;
                    continue;
                }
                if (runLength > 0)
                {
                    await stream.WriteAsync(rows.Slice(runStart, runLength), cancellationToken).ConfigureAwait(false);
                }
                (runStart, runLength) = (start, length);
            }
            if (runLength > 0)
            {
                await stream.WriteAsync(rows.Slice(runStart, runLength), cancellationToken).ConfigureAwait(false);
            }
            await stream.WriteAsync(s_trailer, cancellationToken).ConfigureAwait(false);
        }
    }
}
