using Npgsql;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>A result table fed by one record type: buffers rows and writes them inside the batch transaction.</summary>
internal interface IUpsertTable
{
    /// <summary>Target table name.</summary>
    string Name { get; }

    /// <summary>Buffered rows (one per primary key).</summary>
    int Count { get; }

    /// <summary>Whether the record's value belongs to this table.</summary>
    bool Accepts(SinkRecord record);

    /// <summary>Buffers one decoded record.</summary>
    /// <exception cref="Streaming.Contracts.Serialization.RecordDecodeException">A value the column cannot hold; nothing was buffered.</exception>
    void Add(SinkRecord record);

    /// <summary>Drops buffered rows of the given source partitions.</summary>
    void Discard(IReadOnlySet<(string Topic, int Partition)> partitions);

    /// <summary>Writes the buffered rows (COPY, upserting where keys exist); runs inside the caller's transaction.</summary>
    Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DirectCopyPolicy policy, CancellationToken cancellationToken);

    /// <summary>Forgets the buffered rows (after the batch committed).</summary>
    void Clear();
}
