using Confluent.Kafka;
using Streamiz.Kafka.Net.Kafka;
using Streaming.Contracts.Configuration;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Streamiz's client builder with the OAUTHBEARER token refresh (MSK IAM) on every client it builds: Streamiz takes
/// client settings as strings, and a refresh handler is a callback.
/// </summary>
public sealed class TokenRefreshClientBuilder(Action<IClient, string>? refresh) : DefaultKafkaClientBuilder
{
    public override ConsumerBuilder<byte[], byte[]> GetConsumerBuilder(ConsumerConfig config) =>
        base.GetConsumerBuilder(config).WithTokenRefresh(refresh);

    public override ProducerBuilder<byte[], byte[]> GetProducerBuilder(ProducerConfig config) =>
        base.GetProducerBuilder(config).WithTokenRefresh(refresh);

    public override AdminClientBuilder GetAdminBuilder(AdminClientConfig config) =>
        base.GetAdminBuilder(config).WithTokenRefresh(refresh);
}
