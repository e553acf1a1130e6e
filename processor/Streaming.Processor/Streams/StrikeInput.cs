using Streaming.Contracts.Events;

namespace Streaming.Processor.Streams;

/// <summary>
/// What message ingest passes to the strike ledger, in source order: a flagged message with its partition's
/// watermark at arrival, or the partition's watermark after it advanced (which drives strike expiry). Exactly one of
/// <see cref="Flagged"/> and <see cref="AdvancedTo"/> is set.
/// </summary>
public sealed record StrikeInput(FlaggedMessage? Flagged, long Watermark, long? AdvancedTo)
{
    public static StrikeInput Of(FlaggedMessage flagged, long watermarkAtArrival) => new(flagged, watermarkAtArrival, null);

    public static StrikeInput Advance(long watermark) => new(null, watermark, watermark);
}
