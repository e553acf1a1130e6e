namespace Streaming.Processor.Streams;

/// <summary>
/// A source record's raw key, wrapped so it is never null: Streamiz 1.8.2 skips (with a warning) every null-keyed
/// record that reaches a stateful processor, and a keyless bad record must still reach <c>*.rejected</c>, with its
/// null key intact.
/// </summary>
public sealed record SourceKey(byte[]? Bytes);
