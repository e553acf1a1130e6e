using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary>
/// The contract enums ↔ the generated Avro enums, by symbol rather than by number, so a reordering on either side
/// fails loudly here instead of silently swapping meanings.
/// </summary>
public static class AvroEnumMapping
{
    /// <summary>The Avro symbol of a sender status.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="SenderStatus"/>.</exception>
    public static streaming.SenderStatus ToRecord(SenderStatus status) => status switch
    {
        SenderStatus.Active => streaming.SenderStatus.ACTIVE,
        SenderStatus.Inactive => streaming.SenderStatus.INACTIVE,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"{(int)status} is not a defined SenderStatus value."),
    };

    /// <summary>The sender status of an Avro symbol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined Avro symbol.</exception>
    public static SenderStatus FromRecord(streaming.SenderStatus status) => status switch
    {
        streaming.SenderStatus.ACTIVE => SenderStatus.Active,
        streaming.SenderStatus.INACTIVE => SenderStatus.Inactive,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"{(int)status} is not a SenderStatus symbol."),
    };

    /// <summary>The Avro symbol of a late reason.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="LateReason"/>.</exception>
    public static streaming.LateReason ToRecord(LateReason reason) => reason switch
    {
        LateReason.WindowClosed => streaming.LateReason.window_closed,
        LateReason.BeyondDedupHorizon => streaming.LateReason.beyond_dedup_horizon,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, $"{(int)reason} is not a defined LateReason value."),
    };

    /// <summary>The late reason of an Avro symbol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined Avro symbol.</exception>
    public static LateReason FromRecord(streaming.LateReason reason) => reason switch
    {
        streaming.LateReason.window_closed => LateReason.WindowClosed,
        streaming.LateReason.beyond_dedup_horizon => LateReason.BeyondDedupHorizon,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, $"{(int)reason} is not a LateReason symbol."),
    };
}
