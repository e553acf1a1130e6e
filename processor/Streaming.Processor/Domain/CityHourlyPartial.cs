namespace Streaming.Processor.Domain;

/// <summary>
/// A partial aggregate of one city's hourly window: the trips one upstream task accepted for it since its last flush.
/// This is what the trips-by-city repartition topic carries (keyed by city); the window task merges partials.
/// </summary>
/// <remarks>
/// Why partials instead of trips: one record per city and window per commit, instead of one per trip, on the
/// repartition topic. Merging is exact (<see cref="CityHourlyAccumulator.Merge"/>), so the emitted window does not
/// depend on how trips were grouped into partials, and a backfill still matches a live run.
/// </remarks>
public sealed record CityHourlyPartial(long WindowStart, CityHourlyAccumulator Accumulator);
