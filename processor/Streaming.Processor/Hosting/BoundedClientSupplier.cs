using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Kafka;
using Streamiz.Kafka.Net.Metrics;
using Streaming.Processor.Streams;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Streamiz's default client supplier, except that in a bounded run the main consumer is a
/// <see cref="BoundedInputConsumer"/>, which stops every input partition at its end offset.
/// </summary>
public sealed class BoundedClientSupplier(IStreamConfig config, DefaultKafkaClientBuilder builder, InputBounds bounds) : IKafkaSupplier
{
    private readonly DefaultKafkaClientSupplier _default = new(new KafkaLoggerAdapter(config), config, builder);

    public StreamMetricsRegistry MetricsRegistry
    {
        get => _default.MetricsRegistry;
        set => _default.MetricsRegistry = value;
    }

    public IConsumer<byte[], byte[]> GetConsumer(ConsumerConfig config, IConsumerRebalanceListener rebalanceListener)
    {
        var consumer = _default.GetConsumer(config, rebalanceListener);
        return bounds.IsBounded ? new BoundedInputConsumer(consumer, bounds) : consumer;
    }

    public IProducer<byte[], byte[]> GetProducer(ProducerConfig config) => _default.GetProducer(config);

    public IConsumer<byte[], byte[]> GetRestoreConsumer(ConsumerConfig config) => _default.GetRestoreConsumer(config);

    public IAdminClient GetAdmin(AdminClientConfig config) => _default.GetAdmin(config);

    public IConsumer<byte[], byte[]> GetGlobalConsumer(ConsumerConfig config) => _default.GetGlobalConsumer(config);
}
