using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>
/// The hourly Parquet sink behind <c>sinks s3</c>: one <see cref="TopicPartitionWriter"/> per assigned partition, files
/// uploaded through <see cref="IStorage"/>, and a <see cref="PartitionCheckpoint"/> per partition stored after each upload
/// as the source of truth for where to resume.
/// </summary>
/// <remarks>Driven by <see cref="DeliveryLoop"/> on one thread; see <see cref="ISink"/>.</remarks>
public sealed class S3Sink : ISink, IDisposable
{
    private readonly S3SinkOptions _options;
    private readonly IStorage _storage;
    private readonly IRecordWriterProvider _provider;
    private readonly IPartitioner _partitioner;
    private readonly RetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<TopicPartition, TopicPartitionWriter> _writers = [];
    private readonly Dictionary<TopicPartition, CheckpointSlot> _nextSlot = [];

    /// <summary>Creates the sink.</summary>
    /// <param name="options">Table and rotation settings.</param>
    /// <param name="storage">Where files and checkpoints go.</param>
    /// <param name="provider">Creates the file writers (Parquet).</param>
    /// <param name="logger">Logger.</param>
    /// <param name="partitioner">The layout; hourly by default.</param>
    /// <param name="retry">Backoff for storage failures; retries forever by default (the sink never skips data).</param>
    /// <param name="time">Clock for the time bound only.</param>
    public S3Sink(S3SinkOptions options, IStorage storage, IRecordWriterProvider provider, ILogger logger,
        IPartitioner? partitioner = null, RetryPolicy? retry = null, TimeProvider? time = null)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _partitioner = partitioner ?? HourlyPartitioner.Instance;
        _retry = retry ?? new RetryPolicy(static ex => ex is StorageException, logger);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Files uploaded in this run, per hour and partition.</summary>
    public HourlyFileCounts FileCounts { get; } = new();

    /// <summary>Records skipped on replay because an uploaded file already held them.</summary>
    public long RecordsReplaySkipped => _writers.Values.Sum(w => w.RecordsReplaySkipped);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ReadStoredOffsetsAsync(IReadOnlyCollection<TopicPartition> partitions, CancellationToken cancellationToken = default)
    {
        var stored = new Dictionary<TopicPartition, long>();
        foreach (var tp in partitions)
        {
            WriterOf(tp, replace: true);
            var latest = await _retry.ExecuteAsync(async ct => await ReadLatestCheckpointAsync(tp, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (latest is not { } found)
            {
                _nextSlot[tp] = CheckpointSlot.A;
                continue;
            }
            _writers[tp].Restore(found.Checkpoint);
            _nextSlot[tp] = found.Slot == CheckpointSlot.A ? CheckpointSlot.B : CheckpointSlot.A;
            stored[tp] = found.Checkpoint.ResumeOffset;
        }
        return stored;
    }

    /// <summary>The newer readable slot; an unreadable slot is skipped while the other is readable.</summary>
    /// <exception cref="StorageException">No slot is readable but one exists (transient: the caller backs off).</exception>
    private async Task<(PartitionCheckpoint Checkpoint, CheckpointSlot Slot)?> ReadLatestCheckpointAsync(TopicPartition tp, CancellationToken cancellationToken)
    {
        (PartitionCheckpoint Checkpoint, CheckpointSlot Slot)? latest = null;
        StorageException? unreadable = null;
        string? unreadableKey = null;
        foreach (var slot in new[] { CheckpointSlot.A, CheckpointSlot.B })
        {
            var key = ObjectKeys.Checkpoint(_options.Table, tp.Topic, tp.Partition.Value, slot);
            try
            {
                if (await _storage.GetBytesAsync(key, cancellationToken).ConfigureAwait(false) is not { } bytes)
                {
                    continue;
                }
                var checkpoint = PartitionCheckpoint.FromJson(bytes);
                if (latest is null || checkpoint.ResumeOffset > latest.Value.Checkpoint.ResumeOffset)
                {
                    latest = (checkpoint, slot);
                }
            }
            catch (Exception ex) when (ex is StorageException or JsonException)
            {
                _logger.LogWarning("checkpoint {Storage}/{Key} is unreadable ({Error}); using the other slot", _storage.Description, key, ex.Message);
                unreadable = ex as StorageException ?? new StorageException(key, $"checkpoint {key} is not valid JSON: {ex.Message}", ex);
                unreadableKey = key;
            }
        }
        if (latest is null)
        {
            return unreadable is not null ? throw unreadable : null;
        }
        if (unreadableKey is not null)
        {
            // Repair the torn slot with the checkpoint we resume from, so no broken object outlives this start.
            await _storage.PutBytesAsync(unreadableKey, latest.Value.Checkpoint.ToJson(), cancellationToken).ConfigureAwait(false);
        }
        return latest;
    }

    /// <inheritdoc />
    public void Append(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        WriterOf(record.TopicPartition, replace: false).Write(record, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public void Skip(TopicPartition partition, long offset) => WriterOf(partition, replace: false).Skip(offset);

    /// <inheritdoc />
    public bool IsFlushDue(DateTimeOffset now)
    {
        foreach (var writer in _writers.Values)
        {
            if (writer.IsCommitDue(now))
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public async Task<FlushResult> FlushAsync(bool all, CancellationToken cancellationToken = default)
    {
        long files = 0, records = 0, bytes = 0;
        var offsets = new List<TopicPartitionOffset>();
        foreach (var (tp, writer) in _writers.OrderBy(kv => kv.Key.Topic, StringComparer.Ordinal).ThenBy(kv => kv.Key.Partition.Value))
        {
            var now = _time.GetUtcNow();
            // Storage failures leave the files pending; the policy backs off and calls again until they are uploaded.
            var done = await _retry.ExecuteAsync(async ct => await writer.CommitFilesAsync(all, now, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            files += done.Files;
            records += done.Records;
            bytes += done.Bytes;
            // Partial results of failed attempts are not counted above; the writer's counters stay exact for the summary.
            if (!writer.HasNewCheckpoint)
            {
                continue;
            }
            var checkpoint = writer.CreateCheckpoint();
            var slot = _nextSlot.GetValueOrDefault(tp, CheckpointSlot.A);
            var key = ObjectKeys.Checkpoint(_options.Table, tp.Topic, tp.Partition.Value, slot);
            var json = checkpoint.ToJson();
            await _retry.ExecuteAsync(async ct => await _storage.PutBytesAsync(key, json, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            _nextSlot[tp] = slot == CheckpointSlot.A ? CheckpointSlot.B : CheckpointSlot.A;
            writer.CheckpointStored(checkpoint);
            offsets.Add(new TopicPartitionOffset(tp, new Offset(checkpoint.ResumeOffset)));
        }
        return new FlushResult(offsets, records, files, bytes);
    }

    /// <inheritdoc />
    public void Discard(IReadOnlyCollection<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            if (_writers.Remove(tp, out var writer))
            {
                writer.Discard();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => Discard(_writers.Keys.ToList());

    private TopicPartitionWriter WriterOf(TopicPartition tp, bool replace)
    {
        if (!replace && _writers.TryGetValue(tp, out var existing))
        {
            return existing;
        }
        if (_writers.Remove(tp, out var stale))
        {
            stale.Discard();
        }
        var writer = new TopicPartitionWriter(tp.Topic, tp.Partition.Value, _options, _partitioner, _provider, r => EventTime.Of(r), _logger, FileCounts);
        _writers[tp] = writer;
        return writer;
    }
}
