using Microsoft.Extensions.Logging;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.Observability;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Wires one sink into a <see cref="DeliveryLoop"/> with the Kafka clients, the Avro decoder and the
/// <c>sink.rejected</c> publisher built from configuration, runs it, and returns its summary.
/// </summary>
internal static class DeliveryRun
{
    public static async Task<RunSummary> RunAsync(
        KafkaSettings kafka,
        AvroSerdes serdes,
        DeliveryOptions options,
        string clientId,
        ISink sink,
        ILogger logger,
        CancellationToken cancellationToken,
        RunSummary? summary = null,
        HealthState? health = null)
    {
        var tokenRefresh = KafkaClientConfigFactory.OAuthBearerRefreshHandler(kafka, logger);
        using var rejected = new RejectedPublisher(
            KafkaClientConfigFactory.CreateProducerConfig(kafka, clientId), logger, serdes.Rejected, Topics.SinkRejected, tokenRefresh);
        var loop = new DeliveryLoop(
            options,
            KafkaClientConfigFactory.CreateConsumerConfig(kafka, options.GroupId, clientId),
            sink,
            new RecordDecoder(serdes),
            rejected,
            logger,
            tokenRefresh: tokenRefresh,
            summary: summary,
            health: health);
        await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        return loop.Summary;
    }
}
