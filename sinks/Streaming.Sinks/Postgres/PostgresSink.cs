using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Npgsql;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres.Tables;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// The exactly-once PostgreSQL sink (DESIGN §6). Each batch is one transaction: binary COPY (into temp tables and
/// upsert, or straight into the table when none of the batch's keys exist yet) into
/// <c>trip_city_hourly</c>, <c>flagged_messages</c> and <c>sender_strike_status</c>, then <c>sink_offsets</c>. Because
/// rows and offsets commit together, resuming from <c>sink_offsets</c> never loses or doubles a row on any broker.
/// </summary>
/// <remarks>
/// Batches close on <see cref="PostgresSinkSettings.BatchSize"/> records or <see cref="PostgresSinkSettings.BatchInterval"/>.
/// A transient failure rolls the transaction back and retries the same in-memory batch with backoff, forever: the
/// records stay buffered and no offset moves, so nothing is skipped. Called only from the delivery loop's thread.
/// </remarks>
public sealed class PostgresSink : ISink
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSinkSettings _settings;
    private readonly SinkOffsetStore _offsets;
    private readonly RetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IUpsertTable[] _tables = [new CityHourlyTable(), new FlaggedMessagesTable(), new StrikeStatusTable()];
    private readonly Dictionary<TopicPartition, long> _pendingOffsets = [];
    private readonly Dictionary<TopicPartition, (int Records, long Bytes)> _bufferedByPartition = [];
    private int _bufferedRecords;
    private long _bufferedBytes;
    private DateTimeOffset? _batchStartedAt;

    /// <summary>Creates the sink over a data source (the caller runs <see cref="SchemaMigrator"/> first).</summary>
    /// <param name="dataSource">Connections to the target database.</param>
    /// <param name="settings">Batch sizing and sink name.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="retry">Retry policy for transient errors; by default <see cref="PostgresErrors.IsTransient"/> with jittered exponential backoff.</param>
    /// <param name="time">Clock for the batch interval.</param>
    public PostgresSink(NpgsqlDataSource dataSource, PostgresSinkSettings settings, ILogger logger, RetryPolicy? retry = null, TimeProvider? time = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _offsets = new SinkOffsetStore(settings.SinkName);
        _retry = retry ?? new RetryPolicy(PostgresErrors.IsTransient, logger);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Batches committed so far.</summary>
    public long BatchesCommitted { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ReadStoredOffsetsAsync(IReadOnlyCollection<TopicPartition> partitions, CancellationToken cancellationToken = default) =>
        await _retry.ExecuteAsync(async ct =>
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            return await _offsets.ReadAsync(connection, partitions, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public void Append(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = Array.Find(_tables, t => t.Accepts(record))
            ?? throw new InvalidOperationException($"record {record.Topic}[{record.Partition}]@{record.Offset} is a {record.Value.GetType().Name}, which has no PostgreSQL table.");
        table.Add(record);
        _bufferedRecords++;
        _bufferedBytes += record.RawValue.Length;
        var (records, bytes) = _bufferedByPartition.GetValueOrDefault(record.TopicPartition);
        _bufferedByPartition[record.TopicPartition] = (records + 1, bytes + record.RawValue.Length);
        Track(record.TopicPartition, record.NextOffset);
    }

    /// <inheritdoc />
    public void Skip(TopicPartition partition, long offset) => Track(partition, offset + 1);

    /// <inheritdoc />
    public bool IsFlushDue(DateTimeOffset now) =>
        _bufferedRecords >= _settings.BatchSize
        || (_batchStartedAt is { } started && now - started >= _settings.BatchInterval);

    /// <inheritdoc />
    public async Task<FlushResult> FlushAsync(bool all, CancellationToken cancellationToken = default)
    {
        if (_pendingOffsets.Count == 0)
        {
            return FlushResult.Empty;
        }
        var offsets = _pendingOffsets.Select(kv => new TopicPartitionOffset(kv.Key, new Offset(kv.Value))).ToList();
        await _retry.ExecuteAsync(ct => new ValueTask(WriteBatchAsync(offsets, ct)), cancellationToken).ConfigureAwait(false);

        var result = new FlushResult(offsets, _bufferedRecords, 0, _bufferedBytes);
        BatchesCommitted++;
        _logger.LogDebug("postgres: committed batch of {Rows} rows over {Partitions} partitions", _bufferedRecords, offsets.Count);
        ClearBuffer();
        return result;
    }

    /// <inheritdoc />
    public void Discard(IReadOnlyCollection<TopicPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var dropped = partitions.Select(tp => (tp.Topic, tp.Partition.Value)).ToHashSet();
        foreach (var table in _tables)
        {
            table.Discard(dropped);
        }
        foreach (var tp in partitions)
        {
            _pendingOffsets.Remove(tp);
        }
        foreach (var tp in partitions)
        {
            if (_bufferedByPartition.Remove(tp, out var counts))
            {
                _bufferedRecords -= counts.Records;
                _bufferedBytes -= counts.Bytes;
            }
        }
        if (_pendingOffsets.Count == 0)
        {
            ClearBuffer();
        }
    }

    private void Track(TopicPartition partition, long nextOffset)
    {
        _batchStartedAt ??= _time.GetUtcNow();
        if (!_pendingOffsets.TryGetValue(partition, out var current) || nextOffset > current)
        {
            _pendingOffsets[partition] = nextOffset;
        }
    }

    private void ClearBuffer()
    {
        foreach (var table in _tables)
        {
            table.Clear();
        }
        _pendingOffsets.Clear();
        _bufferedByPartition.Clear();
        _bufferedRecords = 0;
        _bufferedBytes = 0;
        _batchStartedAt = null;
    }

    // One attempt: the whole batch in one transaction. Disposing an uncommitted transaction rolls it back.
    private async Task WriteBatchAsync(IReadOnlyCollection<TopicPartitionOffset> offsets, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in _tables)
            {
                await table.WriteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }
            await _offsets.WriteAsync(connection, offsets, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsTransient(ex))
        {
            ClearPool();
            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsTransient(ex))
        {
            ClearPool();
            throw;
        }
    }

    // After a server restart every pooled connection is dead; drop them all so the retry dials a fresh one.
    private void ClearPool() => _dataSource.Clear();
}
