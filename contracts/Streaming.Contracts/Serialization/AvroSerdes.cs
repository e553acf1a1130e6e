using Streaming.Contracts.Events;
using Streaming.Contracts.SchemaRegistry;

namespace Streaming.Contracts.Serialization;

/// <summary>Creates the Avro serdes of the contract types over one registry.</summary>
/// <param name="registry">The schema registry (see <see cref="SchemaRegistryFactory"/>).</param>
public sealed class AvroSerdes(ISchemaRegistry registry)
{
    /// <summary>Serde of <see cref="Events.TripEvent"/>.</summary>
    public AvroSerde<TripEvent> TripEvent { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.MessageEvent"/>.</summary>
    public AvroSerde<MessageEvent> MessageEvent { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.CityHourly"/>.</summary>
    public AvroSerde<CityHourly> CityHourly { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.FlaggedMessage"/>.</summary>
    public AvroSerde<FlaggedMessage> FlaggedMessage { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.StrikeStatus"/>.</summary>
    public AvroSerde<StrikeStatus> StrikeStatus { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.Rejected"/>.</summary>
    public AvroSerde<Rejected> Rejected { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.TripLate"/>.</summary>
    public AvroSerde<TripLate> TripLate { get; } = new(registry);

    /// <summary>Serde of <see cref="Events.MessageLate"/>.</summary>
    public AvroSerde<MessageLate> MessageLate { get; } = new(registry);

    /// <summary>Serde of Avro string keys (Confluent-framed). Plain UTF-8 keys use Confluent's <c>Serializers.Utf8</c> instead.</summary>
    public AvroSerde<string> StringKey { get; } = new(registry);
}
