namespace Streaming.Runtime;

/// <summary>Per-application settings a task needs, shared by the test driver and the Kafka host.</summary>
internal sealed record TaskConfig(
    string ApplicationId,
    long AllowedLatenessMs,
    long MaxTaskIdleMs,
    IDeserializationExceptionHandler DeserializationExceptionHandler);
