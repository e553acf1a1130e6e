namespace Streaming.Contracts.Events;

/// <summary>Employment status of a sender. Avro symbols: <c>ACTIVE</c>, <c>INACTIVE</c>.</summary>
public enum SenderStatus
{
    /// <summary>Avro symbol <c>ACTIVE</c>.</summary>
    Active = 0,

    /// <summary>Avro symbol <c>INACTIVE</c>: reached 10 active strikes; final.</summary>
    Inactive = 1,
}
