using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// The producer of one stream thread. Under exactly-once it is transactional (<c>{appId}-{instanceId}-{thread}</c>) and
/// begins a transaction lazily at the first send after a commit. Errors are classified: fencing and invalid epochs
/// become <see cref="TaskMigratedException"/>, everything else <see cref="StreamsException"/>.
/// </summary>
internal sealed class StreamsProducer : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly ILogger _log;
    private readonly string _logPrefix;

    public StreamsProducer(StreamsConfig config, string clientId, ILogger logger)
    {
        _log = logger;
        _logPrefix = $"stream-thread [{clientId}] ";
        Transactional = config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnce;
        TransactionalId = Transactional ? $"{config.ApplicationId}-{config.InstanceId}-{clientId[(clientId.LastIndexOf('-') + 1)..]}" : null;
        _producer = ClientBuilders.Producer<byte[]?, byte[]?>(config, ClientConfigs.Producer(config, clientId, TransactionalId))
            .SetLogHandler((_, m) => _log.LogDebug("{Prefix}librdkafka {Facility}: {Message}", _logPrefix, m.Facility, m.Message))
            .SetErrorHandler((_, e) => _log.Log(e.IsFatal ? LogLevel.Error : LogLevel.Debug, "{Prefix}producer error {Code}: {Reason}", _logPrefix, e.Code, e.Reason))
            .Build();
        if (Transactional)
        {
            Guard("initializing transactions", () => _producer.InitTransactions(TimeSpan.FromSeconds(60)));
            _log.LogInformation("{Prefix}transactional producer ready (transactional.id {TransactionalId})", _logPrefix, TransactionalId);
        }
    }

    public bool Transactional { get; }

    public string? TransactionalId { get; }

    public bool TransactionInFlight { get; private set; }

    public void Send(string topic, int partition, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>>? onDelivery)
    {
        MaybeBeginTransaction();
        var target = new TopicPartition(topic, partition >= 0 ? partition : Partition.Any);
        while (true)
        {
            try
            {
                _producer.Produce(target, message, onDelivery);
                return;
            }
            catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: serve delivery reports, then retry.
                _producer.Poll(TimeSpan.FromMilliseconds(5));
            }
            catch (KafkaException ex)
            {
                throw Classify($"sending to {topic}", ex);
            }
        }
    }

    public void Flush()
    {
        try
        {
            while (_producer.Flush(TimeSpan.FromSeconds(30)) > 0)
            {
                _log.LogWarning("{Prefix}records still in flight after 30 s of flushing", _logPrefix);
            }
        }
        catch (KafkaException ex)
        {
            throw Classify("flushing", ex);
        }
    }

    public void CommitTransaction(IReadOnlyList<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata)
    {
        MaybeBeginTransaction();
        if (offsets.Count > 0)
        {
            Guard("sending offsets to the transaction", () => _producer.SendOffsetsToTransaction(offsets, groupMetadata, TimeSpan.FromSeconds(30)));
        }
        Guard("committing the transaction", () => _producer.CommitTransaction(TimeSpan.FromSeconds(60)));
        TransactionInFlight = false;
    }

    public void AbortTransaction()
    {
        if (!TransactionInFlight)
        {
            return;
        }
        try
        {
            _producer.AbortTransaction(TimeSpan.FromSeconds(30));
        }
        catch (KafkaException ex)
        {
            _log.LogWarning("{Prefix}aborting the transaction failed (ignored): {Reason}", _logPrefix, ex.Error.Reason);
        }
        TransactionInFlight = false;
    }

    public void Dispose()
    {
        try
        {
            _producer.Flush(TimeSpan.FromSeconds(5));
        }
        catch (KafkaException)
        {
        }
        _producer.Dispose();
    }

    public static bool IsMigration(Error error) =>
        error.Code is ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch or ErrorCode.Local_Fenced or ErrorCode.InvalidProducerIdMapping
            or ErrorCode.UnknownProducerId or ErrorCode.OutOfOrderSequenceNumber or ErrorCode.InvalidTxnState;

    private void MaybeBeginTransaction()
    {
        if (Transactional && !TransactionInFlight)
        {
            Guard("beginning a transaction", _producer.BeginTransaction);
            TransactionInFlight = true;
        }
    }

    private void Guard(string what, Action action)
    {
        try
        {
            action();
        }
        catch (KafkaException ex)
        {
            throw Classify(what, ex);
        }
    }

    private StreamsException Classify(string what, KafkaException ex)
    {
        // Local_State on a transactional send: an earlier send failed and the transaction can only be aborted.
        var abortable = ex is KafkaTxnRequiresAbortException || (Transactional && ex.Error.Code == ErrorCode.Local_State && !ex.Error.IsFatal);
        if (IsMigration(ex.Error) || abortable)
        {
            return new TaskMigratedException($"producer {TransactionalId} failed {what} ({ex.Error.Code}: {ex.Error.Reason}); its tasks may have migrated.", ex);
        }
        return new StreamsException($"producer {TransactionalId ?? "(idempotent)"} failed {what}: {ex.Error.Code}: {ex.Error.Reason}", ex);
    }
}
