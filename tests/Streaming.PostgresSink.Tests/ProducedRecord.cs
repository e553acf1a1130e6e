namespace Streaming.PostgresSink.Tests;

/// <summary>A record the test produced, with where it landed.</summary>
internal sealed record ProducedRecord<T>(T Value, string Topic, int Partition, long Offset);
