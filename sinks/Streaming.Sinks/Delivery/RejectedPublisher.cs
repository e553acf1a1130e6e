using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.Contracts.Events;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Publishes records a sink cannot decode to <c>sink.rejected</c> (key: the source key; value: a framed
/// <see cref="Rejected"/>), so the sink moves on instead of crash-looping.
/// </summary>
/// <remarks>
/// At least once: <see cref="Flush"/> runs before the sink stores offsets past a rejected record, so a crash can repeat
/// a rejection but never lose one. Send errors surface on the next <see cref="Publish"/> or <see cref="Flush"/>.
/// </remarks>
public sealed class RejectedPublisher : IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly AvroSerde<Rejected> _serde;
    private Exception? _sendError;
    private int _pending;

    /// <summary>Creates the publisher over a producer configuration.</summary>
    /// <param name="config">Producer settings (from <c>KafkaClientConfigFactory.CreateProducerConfig</c>).</param>
    /// <param name="logger">Receives one warning per rejected record.</param>
    /// <param name="topic">Destination topic, <c>sink.rejected</c> by default.</param>
    /// <param name="serde">The Rejected serde of the configured registry; the default in-process registry when null.</param>
    /// <param name="tokenRefresh">OAUTHBEARER token refresh (MSK IAM), from <c>KafkaClientConfigFactory.OAuthBearerRefreshHandler</c>.</param>
    public RejectedPublisher(ProducerConfig config, ILogger logger, AvroSerde<Rejected> serde, string topic = Topics.SinkRejected, Action<IClient, string>? tokenRefresh = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logger);
        _topic = topic;
        _logger = logger;
        ArgumentNullException.ThrowIfNull(serde);
        _serde = serde;
        config.EnableIdempotence ??= true;
        _producer = new ProducerBuilder<byte[]?, byte[]>(config).WithTokenRefresh(tokenRefresh).Build();
    }

    /// <summary>The topic rejected records go to.</summary>
    public string Topic => _topic;

    /// <summary>Sends one rejected record (asynchronously).</summary>
    /// <exception cref="KafkaException">An earlier send failed.</exception>
    public void Publish(Rejected rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ThrowIfSendFailed();
        _logger.LogWarning("rejected {Topic}[{Partition}]@{Offset}: {Reason}: {Detail}",
            rejected.SourceTopic, rejected.SourcePartition, rejected.SourceOffset, rejected.Reason, rejected.Detail);
        var value = _serde.Serialize(rejected, _topic);
        Interlocked.Increment(ref _pending);
        _producer.Produce(_topic, new Message<byte[]?, byte[]> { Key = rejected.RawKey, Value = value }, report =>
        {
            Interlocked.Decrement(ref _pending);
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref _sendError, new KafkaException(report.Error), null);
            }
        });
    }

    /// <summary>Waits until every sent record is acknowledged (bounded by <paramref name="timeout"/>).</summary>
    /// <exception cref="KafkaException">A send failed.</exception>
    /// <exception cref="TimeoutException">Records are still unacknowledged after the timeout.</exception>
    public void Flush(TimeSpan timeout)
    {
        if (Volatile.Read(ref _pending) > 0)
        {
            var left = _producer.Flush(timeout);
            if (left > 0)
            {
                throw new TimeoutException($"{left} rejected records to '{_topic}' were not acknowledged within {timeout.TotalSeconds:F0}s.");
            }
        }
        ThrowIfSendFailed();
    }

    /// <inheritdoc />
    public void Dispose() => _producer.Dispose();

    private void ThrowIfSendFailed()
    {
        if (Volatile.Read(ref _sendError) is { } error)
        {
            throw error;
        }
    }
}
