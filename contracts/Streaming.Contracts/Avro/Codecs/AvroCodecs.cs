using Streaming.Contracts.Events;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>The typed codec of every contract type.</summary>
public static class AvroCodecs
{
    /// <summary>Codec of <see cref="Events.TripEvent"/>.</summary>
    public static TripEventCodec TripEvent => TripEventCodec.Instance;

    /// <summary>Codec of <see cref="Events.MessageEvent"/>.</summary>
    public static MessageEventCodec MessageEvent => MessageEventCodec.Instance;

    /// <summary>Codec of <see cref="Events.CityHourly"/>.</summary>
    public static CityHourlyCodec CityHourly => CityHourlyCodec.Instance;

    /// <summary>Codec of <see cref="Events.FlaggedMessage"/>.</summary>
    public static FlaggedMessageCodec FlaggedMessage => FlaggedMessageCodec.Instance;

    /// <summary>Codec of <see cref="Events.StrikeStatus"/>.</summary>
    public static StrikeStatusCodec StrikeStatus => StrikeStatusCodec.Instance;

    /// <summary>Codec of <see cref="Events.Rejected"/>.</summary>
    public static RejectedCodec Rejected => RejectedCodec.Instance;

    /// <summary>Codec of <see cref="Events.TripLate"/>.</summary>
    public static TripLateCodec TripLate => TripLateCodec.Instance;

    /// <summary>Codec of <see cref="Events.MessageLate"/>.</summary>
    public static MessageLateCodec MessageLate => MessageLateCodec.Instance;

    /// <summary>Codec of string keys.</summary>
    public static StringKeyCodec StringKey => StringKeyCodec.Instance;

    /// <summary>The codec of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">No codec exists for the type.</exception>
    public static AvroCodec<T> For<T>() =>
        (AvroCodec<T>)(typeof(T) switch
        {
            var t when t == typeof(TripEvent) => (object)TripEvent,
            var t when t == typeof(MessageEvent) => MessageEvent,
            var t when t == typeof(CityHourly) => CityHourly,
            var t when t == typeof(FlaggedMessage) => FlaggedMessage,
            var t when t == typeof(StrikeStatus) => StrikeStatus,
            var t when t == typeof(Rejected) => Rejected,
            var t when t == typeof(TripLate) => TripLate,
            var t when t == typeof(MessageLate) => MessageLate,
            var t when t == typeof(string) => StringKey,
            _ => throw new NotSupportedException($"No Avro codec for {typeof(T).Name}."),
        });
}
