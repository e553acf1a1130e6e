using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Observability;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// The consumer-group reader both sinks run: reads the topics with manual offset control, decodes each record by topic,
/// hands it to the <see cref="ISink"/> (or publishes it to <c>sink.rejected</c>), flushes when the sink says so, and
/// commits the group offsets only after the sink made a flush durable.
/// </summary>
/// <remarks>
/// <para>Exactly-once into the destination rests on the sink's own stored offsets (the source of truth): on assignment
/// the loop seeks every partition to the sink's stored position, falling back to the group's committed offset, then to
/// the earliest offset. Group commits are best effort and only help the fallback.</para>
/// <para>A bounded run (<see cref="DeliveryOptions.UntilEnd"/>) assigns every partition directly unless
/// <see cref="DeliveryOptions.JoinGroupWhenBounded"/> is set; the seek rules are the same.</para>
/// <para>Everything, including the rebalance callbacks and every <see cref="ISink"/> call, runs on the thread that calls
/// <see cref="RunAsync"/>: librdkafka invokes the callbacks from inside the poll.</para>
/// </remarks>
public sealed class DeliveryLoop
{
    private enum State
    {
        Created,
        Running,
        Closed,
    }

    private readonly DeliveryOptions _options;
    private readonly ConsumerConfig _consumerConfig;
    private readonly ISink _sink;
    private readonly RecordDecoder _decoder;
    private readonly RejectedPublisher _rejected;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<IClient, string>? _tokenRefresh;
    private readonly HashSet<TopicPartition> _assigned = [];
    private EndOffsetTracker? _ends;
    private State _state = State.Created;
    private bool _discardOnRevoke;
    private readonly HealthState? _health;
    private volatile bool _kafkaFailing;

    /// <summary>Creates the loop.</summary>
    /// <param name="options">Topics, group, bounded mode.</param>
    /// <param name="consumerConfig">Connection settings (from <c>KafkaClientConfigFactory.CreateConsumerConfig</c>); the loop sets auto commit off, partition EOF on and the assignment strategy.</param>
    /// <param name="sink">The destination.</param>
    /// <param name="decoder">Value decoder by topic.</param>
    /// <param name="rejected">Publisher for undecodable records.</param>
    /// <param name="logger">Logger; lifecycle at Information, flushes at Debug.</param>
    /// <param name="time">Clock for flush timing; the system clock by default.</param>
    /// <param name="tokenRefresh">OAUTHBEARER token refresh (MSK IAM) for the consumer.</param>
    /// <param name="summary">Where the counters go (read by /metrics while the loop runs); a new one by default.</param>
    /// <param name="health">Made ready on the first assignment; told of Kafka errors.</param>
    public DeliveryLoop(
        DeliveryOptions options,
        ConsumerConfig consumerConfig,
        ISink sink,
        RecordDecoder decoder,
        RejectedPublisher rejected,
        ILogger logger,
        TimeProvider? time = null,
        Action<IClient, string>? tokenRefresh = null,
        RunSummary? summary = null,
        HealthState? health = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Summary = summary ?? new RunSummary();
        _health = health;
        options.Validate();
        _options = options;
        _consumerConfig = consumerConfig ?? throw new ArgumentNullException(nameof(consumerConfig));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _rejected = rejected ?? throw new ArgumentNullException(nameof(rejected));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        _tokenRefresh = tokenRefresh;
    }

    /// <summary>Counters of this run.</summary>
    public RunSummary Summary { get; }

    /// <summary>The end offsets captured at start in bounded mode; null otherwise.</summary>
    public IReadOnlyDictionary<TopicPartition, long>? CapturedEndOffsets => _ends?.EndOffsets;

    /// <summary>
    /// Runs until cancelled, or in bounded mode until every partition reached its captured end; then flushes and closes.
    /// On cancellation buffered records are dropped unwritten (their offsets were not stored, so a restart re-reads them).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    /// <exception cref="KafkaException">A fatal Kafka error.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (_state != State.Created)
        {
            throw new InvalidOperationException($"Illegal state {_state} while starting delivery loop of sink {_options.SinkName}.");
        }
        _state = State.Running;
        var stopwatch = Stopwatch.StartNew();
        var config = new ConsumerConfig(new Dictionary<string, string>(_consumerConfig))
        {
            GroupId = _options.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = true,
            PartitionAssignmentStrategy = _options.AssignmentStrategy,
        };
        config.AutoOffsetReset ??= AutoOffsetReset.Earliest;

        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler(OnLost)
            .SetErrorHandler((_, error) =>
            {
                _logger.Log(error.IsFatal ? LogLevel.Error : LogLevel.Warning, "kafka: {Reason}", error.Reason);
                _kafkaFailing = true;
                _health?.ReportFailure("kafka", error.Reason);
            })
            .WithTokenRefresh(_tokenRefresh)
            .Build();
        try
        {
            if (_options.UntilEnd)
            {
                _ends = EndOffsetTracker.Capture(consumer, _options.Topics, _options.QueryTimeout);
                _logger.LogInformation("sink {Sink}: bounded run to end offsets {Ends}", _options.SinkName,
                    string.Join(", ", _ends.EndOffsets.OrderBy(kv => kv.Key.Topic, StringComparer.Ordinal).ThenBy(kv => kv.Key.Partition.Value)
                        .Select(kv => $"{kv.Key.Topic}[{kv.Key.Partition.Value}]={kv.Value}")));
            }
            if (_ends is not null && !_options.JoinGroupWhenBounded)
            {
                consumer.Assign(OnAssigned(consumer, [.. _ends.EndOffsets.Keys]));
            }
            else
            {
                consumer.Subscribe(_options.Topics);
            }
            var lastProgressLog = _time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Poll(consumer) is { } polled)
                {
                    Handle(consumer, polled);
                }
                var now = _time.GetUtcNow();
                if (_sink.IsFlushDue(now))
                {
                    await FlushAndCommitAsync(consumer, all: false, cancellationToken).ConfigureAwait(false);
                }
                if (_ends is not null)
                {
                    if (_ends.IsComplete)
                    {
                        break;
                    }
                    if (now - lastProgressLog > TimeSpan.FromSeconds(10))
                    {
                        lastProgressLog = now;
                        _logger.LogInformation("sink {Sink}: waiting for {Remaining}", _options.SinkName, _ends.DescribeRemaining());
                    }
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                _discardOnRevoke = true;
                _sink.Discard(_assigned.ToList());
                cancellationToken.ThrowIfCancellationRequested();
            }
            await FlushAndCommitAsync(consumer, all: true, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{Summary}", Summary.Format(_options.SinkName, stopwatch.Elapsed));
        }
        finally
        {
            CloseConsumer(consumer);
            _state = State.Closed;
        }
    }

    private PolledRecord? Poll(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            var result = consumer.Consume(_options.PollTimeout);
            if (result is not null && _kafkaFailing)
            {
                _kafkaFailing = false;
                _health?.ReportSuccess("kafka");
            }
            return result is not null ? PolledRecord.From(result) : null;
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            // With byte[] values a consume error is a broker-side condition (unknown topic while it is being
            // auto-created, a transport hiccup); librdkafka keeps retrying, so log and poll again.
            _logger.LogWarning("sink {Sink}: consume error: {Reason}", _options.SinkName, ex.Error.Reason);
            return null;
        }
    }

    private void Handle(IConsumer<byte[]?, byte[]?> consumer, in PolledRecord polled)
    {
        if (polled.IsEof)
        {
            var eof = new TopicPartition(polled.Topic, new Partition(polled.Partition));
            _ends?.Advance(eof, polled.Offset);
            PauseIfAtEnd(consumer, eof);
            return;
        }
        if (_ends is not null)
        {
            var tp = new TopicPartition(polled.Topic, new Partition(polled.Partition));
            if (_ends.IsBeyondEnd(tp, polled.Offset))
            {
                // Written after the run started: not part of this bounded run.
                consumer.Pause([tp]);
                return;
            }
            Deliver(polled);
            _ends.Advance(tp, polled.Offset + 1);
            PauseIfAtEnd(consumer, tp);
            return;
        }
        Deliver(polled);
    }

    private void Deliver(in PolledRecord polled)
    {
        Summary.AddRecord();
        if (_decoder.TryDecode(polled, out var record, out var rejected))
        {
            try
            {
                _sink.Append(record!);
                return;
            }
            catch (RecordDecodeException ex)
            {
                // Decoded, but a value the destination cannot hold (a timestamp outside its range).
                rejected = RecordDecoder.Reject(polled, ex.ReasonCode, ex.Message);
            }
        }
        _rejected.Publish(rejected!);
        Summary.AddRejected();
        _sink.Skip(new TopicPartition(polled.Topic, new Partition(polled.Partition)), polled.Offset);
    }

    private void PauseIfAtEnd(IConsumer<byte[]?, byte[]?> consumer, TopicPartition tp)
    {
        if (_ends is not null && _ends.IsAtEnd(tp))
        {
            consumer.Pause([tp]);
        }
    }

    private async Task FlushAndCommitAsync(IConsumer<byte[]?, byte[]?> consumer, bool all, CancellationToken cancellationToken)
    {
        // A rejected record's offset is stored by the flush below; its rejection must be durable first.
        _rejected.Flush(_options.RejectedFlushTimeout);
        var result = await _sink.FlushAsync(all, cancellationToken).ConfigureAwait(false);
        Summary.Add(result);
        if (result.Offsets.Count == 0)
        {
            return;
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
                _logger.LogDebug("sink {Sink}: flushed {Rows} rows, {Files} files; committing {Offsets}", _options.SinkName, result.Rows, result.Files,
            string.Join(", ", result.Offsets.Select(o => $"{o.Topic}[{o.Partition.Value}]={o.Offset.Value}")));
        }
        var owned = result.Offsets.Where(o => _assigned.Contains(o.TopicPartition)).ToList();
        if (owned.Count == 0)
        {
            return;
        }
        try
        {
            consumer.Commit(owned);
        }
        catch (KafkaException ex)
        {
            // Best effort: the sink's stored offsets are the source of truth; the group offsets only serve the fallback.
            _logger.LogWarning("sink {Sink}: group offset commit failed (the sink's stored offsets stay authoritative): {Reason}", _options.SinkName, ex.Error.Reason);
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        _health?.MarkReady();
        if (partitions.Count == 0)
        {
            _ends?.Assigned([]);
            return [];
        }
        var stored = _sink.ReadStoredOffsetsAsync(partitions).GetAwaiter().GetResult();
        var starts = new List<TopicPartitionOffset>(partitions.Count);
        var missing = partitions.Where(tp => !stored.ContainsKey(tp)).ToList();
        var committed = missing.Count == 0
            ? []
            : consumer.Committed(missing, _options.QueryTimeout).ToDictionary(o => o.TopicPartition, o => o.Offset.Value);
        foreach (var tp in partitions)
        {
            string source;
            long offset;
            if (stored.TryGetValue(tp, out var fromSink))
            {
                (offset, source) = (fromSink, "sink");
            }
            else if (committed.TryGetValue(tp, out var fromGroup) && fromGroup >= 0)
            {
                (offset, source) = (fromGroup, "group");
            }
            else
            {
                (offset, source) = (consumer.QueryWatermarkOffsets(tp, _options.QueryTimeout).Low.Value, "earliest");
            }
            starts.Add(new TopicPartitionOffset(tp, new Offset(offset)));
            _assigned.Add(tp);
            _logger.LogInformation("sink {Sink}: assigned {Topic}[{Partition}] from offset {Offset} ({Source})", _options.SinkName, tp.Topic, tp.Partition.Value, offset, source);
        }
        _ends?.Assigned(starts);
        return starts;
    }

    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        var revoked = partitions.Select(p => p.TopicPartition).ToList();
        _logger.LogInformation("sink {Sink}: revoking {Count} partitions", _options.SinkName, revoked.Count);
        if (_discardOnRevoke)
        {
            _sink.Discard(revoked);
        }
        else
        {
            // Eager rebalance: write what we hold before another member takes the partitions over.
            FlushAndCommitAsync(consumer, all: true, CancellationToken.None).GetAwaiter().GetResult();
        }
        Forget(revoked);
    }

    private void OnLost(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => p.TopicPartition).ToList();
        _logger.LogWarning("sink {Sink}: lost {Count} partitions; dropping their unwritten records", _options.SinkName, lost.Count);
        _sink.Discard(lost);
        Forget(lost);
    }

    private void Forget(List<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            _assigned.Remove(tp);
        }
        _ends?.Revoked(partitions);
    }

    private void CloseConsumer(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            // Close leaves the group; its revocation callback flushes nothing new (already flushed, or discarded).
            _discardOnRevoke = true;
            consumer.Close();
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException)
        {
            _logger.LogWarning("sink {Sink}: consumer close failed: {Reason}", _options.SinkName, ex.Message);
        }
    }
}
