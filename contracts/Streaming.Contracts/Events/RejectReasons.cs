namespace Streaming.Contracts.Events;

/// <summary>Reason codes carried in <see cref="Rejected.Reason"/>. These strings are part of the topic contract.</summary>
public static class RejectReasons
{
    /// <summary>The bytes are not a valid Confluent-framed Avro record of the expected schema.</summary>
    public const string Undecodable = "undecodable";

    /// <summary>The schema id is not registered, or names a schema this consumer cannot read.</summary>
    public const string UnknownSchema = "unknown_schema";

    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "missing_field";

    /// <summary>Dropoff is before pickup.</summary>
    public const string NegativeDuration = "negative_duration";

    /// <summary>The trip lasts more than 24 hours.</summary>
    public const string DurationTooLong = "duration_too_long";

    /// <summary>Distance is negative.</summary>
    public const string NegativeDistance = "negative_distance";

    /// <summary>Fare is negative.</summary>
    public const string NegativeFare = "negative_fare";

    /// <summary>Event time is more than one day ahead of the partition's stream time.</summary>
    public const string FutureTimestamp = "future_timestamp";

    /// <summary>Every reason code, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Undecodable, UnknownSchema, MissingField, NegativeDuration, DurationTooLong, NegativeDistance, NegativeFare, FutureTimestamp,
    ];
}
