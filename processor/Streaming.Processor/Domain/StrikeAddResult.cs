using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>The result of <see cref="StrikeLedger.AddStrike"/>.</summary>
/// <param name="Outcome">What happened to the message's strike.</param>
/// <param name="Changes">
/// Statuses to emit, in order: first one per strike that expired at the given watermark (in expiry order), then, when
/// <paramref name="Outcome"/> is <see cref="StrikeOutcome.Added"/>, the status after the new strike.
/// </param>
public sealed record StrikeAddResult(StrikeOutcome Outcome, IReadOnlyList<StrikeStatus> Changes);
