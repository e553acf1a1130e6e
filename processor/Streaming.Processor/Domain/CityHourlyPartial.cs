namespace Streaming.Processor.Domain;

/// <summary>
/// A partial aggregate of one city's hourly window: the trips one upstream task accepted for it since its last flush.
/// This is what the trips-by-city repartition topic carries (keyed by city); the window task merges partials.
/// </summary>
/// <remarks>
/// <para>Why partials instead of trips: one record per city and window per flush, instead of one per trip, on the
/// repartition topic. Merging is exact (<see cref="CityHourlyAccumulator.Merge"/>), so the emitted window does not
/// depend on how trips were grouped into partials, and a backfill still matches a live run.</para>
/// <para>Why the source position: after an at_least_once restart both tasks replay what they read since their last
/// commit. A partial holds the trips of its upstream partition up to <paramref name="ThroughOffset"/>, and each
/// later partial of that partition and window goes further, so the window task merges a partial only when it goes
/// past the last one it merged (<see cref="CityWindowState"/>).</para>
/// </remarks>
/// <param name="WindowStart">The window's start, epoch ms.</param>
/// <param name="Accumulator">The trips' aggregate.</param>
/// <param name="UpstreamPartition">The source partition of the trips task that built it.</param>
/// <param name="ThroughOffset">The source offset of the last trip in it.</param>
public sealed record CityHourlyPartial(long WindowStart, CityHourlyAccumulator Accumulator, int UpstreamPartition, long ThroughOffset);
