namespace Streaming.Processor.Topology;

/// <summary>
/// A source value that may not have decoded. Sources deserialize into this instead of throwing, so a bad record
/// reaches the ingest processor, which sends it to <c>*.rejected</c> with its reason code (DESIGN §4, Validation).
/// </summary>
public readonly record struct Decoded<T>(T? Value, string? Reason, string? Detail)
    where T : class
{
    public bool Ok => Value is not null;

    public static Decoded<T> Success(T value) => new(value, null, null);

    public static Decoded<T> Failure(string reason, string detail) => new(null, reason, detail);
}
