using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Npgsql;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres.Tables;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// The exactly-once PostgreSQL sink (DESIGN §6). Each batch is one transaction: binary COPY (into a temp table and
/// upsert, or straight into the table while the batch's keys are new; see <see cref="DirectCopyPolicy"/>) into
/// <c>trip_city_hourly</c>, <c>flagged_messages</c> and <c>sender_strike_status</c>, then <c>sink_offsets</c>. Because
/// rows and offsets commit together, resuming from <c>sink_offsets</c> never loses or doubles a row on any broker.
/// </summary>
/// <remarks>
/// <para>Records arrive decoded (contract records); each table writes them with Npgsql's binary import.</para>
/// <para>Batches close on <see cref="PostgresSinkSettings.BatchSize"/> records or <see cref="PostgresSinkSettings.BatchInterval"/>.
/// A due batch is written in the background while the next one fills (one write in flight at most; the next due flush
/// waits for it), so reading Kafka and writing Postgres overlap. <see cref="FlushAsync"/> returns the offsets of the
/// batches committed so far; with <c>all</c> it waits for everything.</para>
/// <para>A transient failure rolls the transaction back and retries the same batch with backoff, forever: no offset
/// moves, nothing is skipped. A fatal write error surfaces on the next call. Members other than the background write
/// are called only from the delivery loop's thread.</para>
/// </remarks>
public sealed class PostgresSink : ISink
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSinkSettings _settings;
    private readonly SinkOffsetStore _offsets;
    private readonly RetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    // One per entry of PostgresBatch.Tables; they outlive batches, as what they learn is about the table's keys.
    private readonly DirectCopyPolicy[] _copyPolicies = [new(), new(), new()];
    private PostgresBatch? _current;
    private Task<FlushResult>? _inFlight;
    private FlushResult _completedWhileReading = FlushResult.Empty;
    private long _batchesCommitted;

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
    public long BatchesCommitted => Interlocked.Read(ref _batchesCommitted);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ReadStoredOffsetsAsync(IReadOnlyCollection<TopicPartition> partitions, CancellationToken cancellationToken = default)
    {
        // A batch still being written would move these offsets; let it land first.
        var pending = await CompleteInFlightAsync().ConfigureAwait(false);
        if (pending.Offsets.Count > 0)
        {
            _completedWhileReading = Merge(_completedWhileReading, pending);
        }
        return await _retry.ExecuteAsync(async ct =>
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            return await _offsets.ReadAsync(connection, partitions, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Append(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Current().Append(record);
    }

    /// <inheritdoc />
    public void Skip(TopicPartition partition, long offset) => Current().Track(partition, offset + 1);

    /// <inheritdoc />
    /// <remarks>A finished background write is due too: its rows count and its offsets commit without waiting for the next batch.</remarks>
    public bool IsFlushDue(DateTimeOffset now) =>
        _inFlight is { IsCompleted: true }
        || _current is { IsEmpty: false } batch
        && (batch.Records >= _settings.BatchSize || now - batch.StartedAt >= _settings.BatchInterval);

    /// <inheritdoc />
    public async Task<FlushResult> FlushAsync(bool all, CancellationToken cancellationToken = default)
    {
        var result = _completedWhileReading;
        _completedWhileReading = FlushResult.Empty;
        if (_inFlight is not null && (all || _inFlight.IsCompleted || _current is { IsEmpty: false }))
        {
            result = Merge(result, await CompleteInFlightAsync().ConfigureAwait(false));
        }
        if (_current is { IsEmpty: false } batch)
        {
            _current = null;
            var write = WriteAsync(batch, cancellationToken);
            if (all)
            {
                result = Merge(result, await write.ConfigureAwait(false));
            }
            else
            {
                _inFlight = write;
            }
        }
        return result;
    }

    /// <inheritdoc />
    public void Discard(IReadOnlyCollection<TopicPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        // A batch already being written completes; its rows are upserts and another owner's later batch wins.
        _current?.Discard(partitions);
        if (_current is { IsEmpty: true })
        {
            _current = null;
        }
    }

    private PostgresBatch Current() => _current ??= new PostgresBatch(_time.GetUtcNow());

    private async Task<FlushResult> CompleteInFlightAsync()
    {
        if (_inFlight is null)
        {
            return FlushResult.Empty;
        }
        try
        {
            return await _inFlight.ConfigureAwait(false);
        }
        finally
        {
            _inFlight = null;
        }
    }

    private async Task<FlushResult> WriteAsync(PostgresBatch batch, CancellationToken cancellationToken)
    {
        // Yield so a background write does not run its synchronous start on the loop thread.
        await Task.Yield();
        var offsets = batch.Offsets();
        await _retry.ExecuteAsync(ct => new ValueTask(WriteBatchAsync(batch, offsets, ct)), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _batchesCommitted);
        _logger.LogDebug("postgres: committed batch of {Rows} rows over {Partitions} partitions", batch.Records, offsets.Count);
        return new FlushResult(offsets, batch.Records, 0, batch.Bytes);
    }

    // One attempt: the whole batch in one transaction. Disposing an uncommitted transaction rolls it back.
    private async Task WriteBatchAsync(PostgresBatch batch, IReadOnlyCollection<TopicPartitionOffset> offsets, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Tables.Length; i++)
            {
                await batch.Tables[i].WriteAsync(connection, transaction, _copyPolicies[i], cancellationToken).ConfigureAwait(false);
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

    // Offsets of a later batch replace those of an earlier one (they only grow per partition).
    private static FlushResult Merge(FlushResult earlier, FlushResult later)
    {
        if (earlier.Offsets.Count == 0 && earlier.Rows == 0)
        {
            return later;
        }
        var offsets = earlier.Offsets.ToDictionary(o => o.TopicPartition, o => o.Offset);
        foreach (var o in later.Offsets)
        {
            offsets[o.TopicPartition] = o.Offset;
        }
        return new FlushResult(offsets.Select(kv => new TopicPartitionOffset(kv.Key, kv.Value)).ToList(),
            earlier.Rows + later.Rows, earlier.Files + later.Files, earlier.Bytes + later.Bytes);
    }
}
