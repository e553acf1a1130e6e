namespace Streaming.Processor.Domain;

/// <summary>Lifetime counters of one sender's strike ledger (kept in its state, so they survive restarts).</summary>
/// <param name="Added">Strikes added, including those added while INACTIVE.</param>
/// <param name="Expired">Strikes that expired.</param>
/// <param name="ExpiredOnArrival">Flagged messages whose strike had already expired when they arrived.</param>
/// <param name="Duplicates">Flagged messages whose id had already been handled.</param>
public readonly record struct StrikeCounters(long Added, long Expired, long ExpiredOnArrival, long Duplicates);
