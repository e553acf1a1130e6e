using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="TripLate"/> (schema streaming.TripLate, embedding streaming.TripEvent).</summary>
public sealed class TripLateCodec : AvroCodec<TripLate>
{
    /// <summary>The shared instance.</summary>
    public static TripLateCodec Instance { get; } = new();

    private TripLateCodec()
        : base(AvroSchemaFiles.TripLate)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, TripLate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        TripEventCodec.WriteFields(writer, value.Trip ?? throw new AvroException("TripLate.trip is null."), TripEventCodec.NestedFields);
        writer.WriteLong(value.WatermarkAtArrival);
        writer.WriteEnum(LateReasonIndex(value.Reason, "TripLate.reason"));
    }

    /// <inheritdoc />
    public override TripLate Read(ref AvroReader reader) =>
        new(
            TripEventCodec.ReadFields(ref reader, TripEventCodec.NestedFields),
            reader.ReadLong("TripLate.watermark_at_arrival"),
            (LateReason)reader.ReadEnum("TripLate.reason", 2));

    internal static int LateReasonIndex(LateReason reason, string field) =>
        reason is LateReason.WindowClosed or LateReason.BeyondDedupHorizon
            ? (int)reason
            : throw new AvroException($"{field} has undefined value {(int)reason}.");
}
