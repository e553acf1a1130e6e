using Streaming.Contracts.Configuration;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;
using Streaming.Runtime;

namespace Streaming.Processor.Hosting;

/// <summary>Everything one processor run needs, resolved from flags and configuration.</summary>
public sealed record ProcessorRunSettings(
    string ApplicationId,
    KafkaSettings Kafka,
    SchemaRegistrySettings SchemaRegistry,
    ProcessorOptions Options,
    PipelineTopics Topics,
    ProcessingGuarantee Guarantee,
    int Threads,
    bool UntilEnd,
    bool BrokerLacksTransactionalIsolation);
