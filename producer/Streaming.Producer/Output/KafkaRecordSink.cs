using System.Text;
using Confluent.Kafka;
using Streaming.Contracts.Configuration;
using Confluent.SchemaRegistry;
using Streaming.Contracts.Serdes;
using Streaming.Contracts.Serialization;
using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>
/// Sends records to Kafka: an idempotent producer (acks=all) with the Java-compatible murmur2 partitioner, plain UTF-8
/// keys, values in the Confluent Avro wire format through the contracts' serdes, raw bytes for undecodable records,
/// and the event time as the record timestamp.
/// </summary>
/// <remarks>
/// Delivery errors arrive on librdkafka's poll thread; they are counted and the first one is kept, and
/// <see cref="CompleteAsync"/> reports them (RecordCollector style: asynchronous send errors surface later).
/// Records are counted as delivered only when the broker acknowledged them.
/// </remarks>
internal sealed class KafkaRecordSink : IRecordSink
{
    private static readonly TimeSpan s_queueFullBackoff = TimeSpan.FromMilliseconds(20);

    private readonly KafkaSinkOptions _options;
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly AvroSerdes _serdes;
    private readonly Action<DeliveryReport<byte[], byte[]>>[] _handlers;
    private long _failed;
    private string? _firstError;
    private volatile string? _lastClientError;

    private KafkaRecordSink(KafkaSinkOptions options, IProducer<byte[], byte[]> producer, AvroSerdes serdes)
    {
        _options = options;
        _producer = producer;
        _serdes = serdes;
        // One cached handler per (stream, kind): no closure allocation per record.
        _handlers = new Action<DeliveryReport<byte[], byte[]>>[EventStreams.All.Count * RecordKinds.All.Count];
        foreach (var stream in EventStreams.All)
        {
            foreach (var kind in RecordKinds.All)
            {
                _handlers[HandlerIndex(stream, kind)] = report => OnDelivery(report, stream, kind);
            }
        }
    }

    /// <inheritdoc />
    public string Description => "Kafka " + _options.Kafka.BootstrapServers;

    /// <inheritdoc />
    public SendCounts Delivered { get; } = new();

    /// <summary>
    /// Connects: builds the producer, waits (bounded) for a broker to answer a metadata request, and registers the value
    /// schemas of the target topics.
    /// </summary>
    /// <exception cref="ConfigurationException">Kafka or registry settings are missing or invalid.</exception>
    /// <exception cref="SinkException">No broker answered within the connect timeout, or the registry failed.</exception>
    public static async Task<KafkaRecordSink> ConnectAsync(KafkaSinkOptions options, CancellationToken cancellationToken = default)
    {
        var config = CreateProducerConfig(options.Kafka);
        var serdes = new AvroSerdes(options.SchemaRegistry);
        KafkaRecordSink? sink = null;
        IProducer<byte[], byte[]>? producer = null;
        try
        {
            var builder = new ProducerBuilder<byte[], byte[]>(config)
                .SetLogHandler((_, log) => sink?.OnClientLog(log))
                .SetErrorHandler((_, error) => sink?.OnClientError(error))
                .WithTokenRefresh(KafkaClientConfigFactory.OAuthBearerRefreshHandler(options.Kafka));
            try
            {
                producer = builder.Build();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KafkaException)
            {
                // librdkafka validates properties only here (unknown names, bad values, conflicting settings).
                throw new ConfigurationException("Kafka:Properties",
                    $"the Kafka client rejected its configuration ({ex.Message}); fix the Kafka:Properties settings (STREAMING__KAFKA__PROPERTIES__<name>).");
            }
            sink = new KafkaRecordSink(options, producer, serdes);
            await Task.Run(() => sink.WaitForBroker(), cancellationToken).ConfigureAwait(false);
            foreach (var (stream, topic) in options.Topics)
            {
                try
                {
                    _ = stream == EventStream.Trips
                        ? await sink._serdes.TripEvent.RegisterAsync(topic, cancellationToken).ConfigureAwait(false)
                        : await sink._serdes.MessageEvent.RegisterAsync(topic, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SchemaRegistryException or SchemaRegistryUnavailableException)
                {
                    throw new SinkException($"Schema Registry {options.SchemaRegistry.Url} failed while registering the schema of topic '{topic}': {ex.Message}", ex);
                }
            }
            return sink;
        }
        catch
        {
            if (sink is not null)
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                producer?.Dispose();
                serdes.Dispose();
            }
            throw;
        }
    }

    /// <summary>
    /// The producer configuration: the contracts' factory (bootstrap, security, murmur2_random), idempotence with
    /// acks=all, and throughput defaults that the raw properties (Kafka:Properties) may override.
    /// </summary>
    public static ProducerConfig CreateProducerConfig(KafkaSettings settings)
    {
        var config = KafkaClientConfigFactory.CreateProducerConfig(settings, "streaming-producer");
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        SetDefault(settings, config, "linger.ms", "5");
        SetDefault(settings, config, "batch.num.messages", "10000");
        SetDefault(settings, config, "message.timeout.ms", "60000");
        // Delivery reports need only the error; skipping the other fields saves a copy per record.
        SetDefault(settings, config, "dotnet.producer.delivery.report.fields", "none");
        return config;
    }

    /// <inheritdoc />
    public string DestinationOf(EventStream stream) => _options.Topics[stream];

    /// <inheritdoc />
    public IPreparedBatch Prepare(IReadOnlyList<ProducerRecord> records)
    {
        var topics = new string[records.Count];
        var messages = new Message<byte[], byte[]>[records.Count];
        var handlers = new Action<DeliveryReport<byte[], byte[]>>[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            topics[i] = _options.Topics[record.Stream];
            messages[i] = new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes(record.Key),
                Value = EncodeValue(record, topics[i]),
                // Event time as CreateTime keeps re-runs byte-identical; records without one (replayed raw bytes) get the client's clock.
                Timestamp = record.EventTime > 0 ? new Timestamp(record.EventTime, TimestampType.CreateTime) : Timestamp.Default,
            };
            handlers[i] = _handlers[HandlerIndex(record.Stream, record.Kind)];
        }
        return new MessageBatch(this, topics, messages, handlers);
    }

    private void Produce(string topic, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        while (true)
        {
            try
            {
                _producer.Produce(topic, message, handler);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: serve delivery reports until the local queue has room.
                _producer.Poll(s_queueFullBackoff);
            }
            catch (ProduceException<byte[], byte[]> ex)
            {
                throw new SinkException($"Kafka refused a record for topic '{topic}': {ex.Error.Reason}", ex);
            }
        }
    }

    /// <summary>Encodes a record's value as it is sent: Confluent Avro, or the raw bytes of an undecodable record.</summary>
    public byte[] EncodeValue(ProducerRecord record, string topic)
    {
        if (record.RawValue is not null)
        {
            return record.RawValue;
        }
        return record.Trip is not null
            ? _serdes.TripEvent.Serialize(record.Trip, topic)
            : _serdes.MessageEvent.Serialize(record.Message!, topic);
    }

    /// <inheritdoc />
    public async Task<SinkCompletion> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + _options.FlushTimeout;
        var remaining = _producer.Flush(TimeSpan.Zero);
        while (remaining > 0 && DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            remaining = await Task.Run(() => _producer.Flush(TimeSpan.FromMilliseconds(200)), cancellationToken).ConfigureAwait(false);
        }
        var failed = Interlocked.Read(ref _failed);
        var error = _firstError;
        if (remaining > 0 && error is null)
        {
            error = $"{remaining} records were not acknowledged within {_options.FlushTimeout.TotalSeconds:0} s"
                + (_lastClientError is null ? string.Empty : $" (last client error: {_lastClientError})");
        }
        return new SinkCompletion(failed, remaining, error);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        // Flush was bounded in CompleteAsync; disposing must not wait for undeliverable records again.
        _producer.Dispose();
        _serdes.Dispose();
        return ValueTask.CompletedTask;
    }

    private void WaitForBroker()
    {
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        try
        {
            var metadata = admin.GetMetadata(_options.ConnectTimeout);
            if (metadata.Brokers.Count == 0)
            {
                throw new KafkaException(new Error(ErrorCode.Local_AllBrokersDown, "no brokers in metadata"));
            }
        }
        catch (KafkaException ex)
        {
            var detail = _lastClientError ?? ex.Error.Reason;
            throw new SinkException(
                $"Kafka at {_options.Kafka.BootstrapServers} did not answer within {_options.ConnectTimeout.TotalSeconds:0} s ({detail}); "
                + $"check {ConfigKeys.BootstrapServersFlag} (or KAFKA_BOOTSTRAP) and that the brokers are up.", ex);
        }
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report, EventStream stream, RecordKind kind)
    {
        if (report.Error.IsError)
        {
            if (Interlocked.Increment(ref _failed) == 1)
            {
                _firstError = $"delivery to '{report.Topic}' failed: {report.Error.Reason}";
            }
            return;
        }
        Delivered.Increment(stream, kind);
    }

    // librdkafka logs connection trouble at length; keep the latest line for our own message instead of printing it.
    private void OnClientLog(LogMessage log)
    {
        if (log.Level <= SyslogLevel.Warning)
        {
            _lastClientError = log.Message;
        }
    }

    private void OnClientError(Error error) => _lastClientError = error.Reason;

    private static void SetDefault(KafkaSettings settings, ProducerConfig config, string key, string value)
    {
        if (!settings.Properties.ContainsKey(key))
        {
            config.Set(key, value);
        }
    }

    private static int HandlerIndex(EventStream stream, RecordKind kind) => ((int)stream * RecordKinds.All.Count) + (int)kind;

    private sealed class MessageBatch(
        KafkaRecordSink sink,
        string[] topics,
        Message<byte[], byte[]>[] messages,
        Action<DeliveryReport<byte[], byte[]>>[] handlers) : IPreparedBatch
    {
        public int Count => messages.Length;

        public void Send(int index) => sink.Produce(topics[index], messages[index], handlers[index]);
    }
}
