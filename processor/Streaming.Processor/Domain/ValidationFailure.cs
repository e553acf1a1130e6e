namespace Streaming.Processor.Domain;

/// <summary>Why a record failed validation: a reason code from <see cref="Contracts.Events.RejectReasons"/> and a detail.</summary>
/// <param name="Reason">Reason code, one of <see cref="Contracts.Events.RejectReasons"/>.</param>
/// <param name="Detail">A sentence naming the field and the offending value.</param>
public sealed record ValidationFailure(string Reason, string Detail);
