using Streaming.Contracts.Events;

namespace Streaming.Contracts.Serialization;

/// <summary>
/// A record's bytes cannot be turned into a value: the reason code says whether the bytes are undecodable
/// (<see cref="RejectReasons.Undecodable"/>) or name a schema id that is not registered or not the expected schema
/// (<see cref="RejectReasons.UnknownSchema"/>).
/// </summary>
/// <remarks>Category: data error. The processor routes the record to <c>*.rejected</c> with <see cref="ReasonCode"/> and <see cref="Exception.Message"/> as detail.</remarks>
public sealed class RecordDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordDecodeException(string reasonCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ReasonCode = reasonCode;
    }

    /// <summary><see cref="RejectReasons.Undecodable"/> or <see cref="RejectReasons.UnknownSchema"/>.</summary>
    public string ReasonCode { get; }

    /// <summary>The schema id in the header, when the header was readable.</summary>
    public int? SchemaId { get; init; }
}
