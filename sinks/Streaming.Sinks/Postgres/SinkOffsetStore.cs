using Confluent.Kafka;
using Npgsql;
using NpgsqlTypes;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// Reads and writes <c>sink_offsets</c>: per (sink, topic, partition) the next offset to read. Written in the same
/// transaction as the rows, so it is the source of truth for where the sink resumes.
/// </summary>
public sealed class SinkOffsetStore
{
    private readonly string _sinkName;

    /// <summary>Creates the store for one sink name.</summary>
    public SinkOffsetStore(string sinkName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkName);
        _sinkName = sinkName;
    }

    /// <summary>The stored next offsets of this sink for the given partitions (absent ones are left out).</summary>
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(partitions);
        var wanted = partitions.ToHashSet();
        var result = new Dictionary<TopicPartition, long>();
        await using var command = new NpgsqlCommand("SELECT topic, partition, next_offset FROM sink_offsets WHERE sink = @sink", connection);
        command.Parameters.AddWithValue("sink", _sinkName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tp = new TopicPartition(reader.GetString(0), new Partition(reader.GetInt32(1)));
            if (wanted.Contains(tp))
            {
                result[tp] = reader.GetInt64(2);
            }
        }
        return result;
    }

    /// <summary>Upserts the next offsets; runs inside the caller's batch transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<TopicPartitionOffset> offsets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO sink_offsets (sink, topic, partition, next_offset, updated_at)
            SELECT @sink, u.topic, u.partition, u.next_offset, now()
            FROM unnest(@topics, @partitions, @offsets) AS u(topic, partition, next_offset)
            ON CONFLICT (sink, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = EXCLUDED.updated_at
            """, connection);
        command.Parameters.AddWithValue("sink", _sinkName);
        command.Parameters.AddWithValue("topics", NpgsqlDbType.Array | NpgsqlDbType.Text, offsets.Select(o => o.Topic).ToArray());
        command.Parameters.AddWithValue("partitions", NpgsqlDbType.Array | NpgsqlDbType.Integer, offsets.Select(o => o.Partition.Value).ToArray());
        command.Parameters.AddWithValue("offsets", NpgsqlDbType.Array | NpgsqlDbType.Bigint, offsets.Select(o => o.Offset.Value).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
