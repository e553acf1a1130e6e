namespace Streaming.Contracts.Events;

/// <summary>Strike state of a sender after a change (topic <c>senders.strike-status</c>, keyed by sender).</summary>
/// <param name="SenderId">Sender employee id.</param>
/// <param name="ActiveStrikes">Strikes not yet expired.</param>
/// <param name="Level">min(active strikes, 10).</param>
/// <param name="SalaryMultiplier">0.9^level.</param>
/// <param name="Status">ACTIVE, or INACTIVE for good once active strikes reach 10.</param>
/// <param name="CooldownUntil">When the oldest active strike expires (UTC epoch ms); null when there are no active strikes.</param>
/// <param name="AsOf">Event time of the change (UTC epoch ms).</param>
public sealed record StrikeStatus(
    string SenderId,
    int ActiveStrikes,
    int Level,
    double SalaryMultiplier,
    SenderStatus Status,
    long? CooldownUntil,
    long AsOf);
