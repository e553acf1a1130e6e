namespace Streaming.Contracts.Kafka;

/// <summary>No librdkafka file of the package could be loaded; the message names each file tried and what it lacked.</summary>
public sealed class LibrdkafkaLoadException(string message) : Exception(message);
