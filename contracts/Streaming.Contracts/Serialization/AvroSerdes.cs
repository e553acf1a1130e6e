using Confluent.SchemaRegistry;
using Streaming.Contracts.AvroRecords.Mapping;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serdes;

namespace Streaming.Contracts.Serialization;

/// <summary>The Avro serdes of the contract types over one Schema Registry client.</summary>
public sealed class AvroSerdes : IDisposable
{
    private readonly ISchemaRegistryClient? _owned;

    /// <summary>Serdes over a new <see cref="CachedSchemaRegistryClient"/> of <paramref name="settings"/>, disposed with them.</summary>
    /// <exception cref="ConfigurationException">The settings are invalid (no URL, say).</exception>
    public AvroSerdes(SchemaRegistrySettings settings)
        : this(SchemaRegistryClientFactory.Create(settings), new RegistryCalls(settings.Url!))
    {
        _owned = Registry;
    }

    /// <summary>Serdes over a client the caller owns.</summary>
    public AvroSerdes(ISchemaRegistryClient registry, RegistryCalls calls)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(calls);
        Registry = registry;
        TripEvent = AvroSerde<TripEvent>.Over(registry, calls, TripEventMapping.Instance);
        MessageEvent = AvroSerde<MessageEvent>.Over(registry, calls, MessageEventMapping.Instance);
        CityHourly = AvroSerde<CityHourly>.Over(registry, calls, CityHourlyMapping.Instance);
        FlaggedMessage = AvroSerde<FlaggedMessage>.Over(registry, calls, FlaggedMessageMapping.Instance);
        StrikeStatus = AvroSerde<StrikeStatus>.Over(registry, calls, StrikeStatusMapping.Instance);
        Rejected = AvroSerde<Rejected>.Over(registry, calls, RejectedMapping.Instance);
        TripLate = AvroSerde<TripLate>.Over(registry, calls, TripLateMapping.Instance);
        MessageLate = AvroSerde<MessageLate>.Over(registry, calls, MessageLateMapping.Instance);
    }

    /// <summary>The registry client the serdes use.</summary>
    public ISchemaRegistryClient Registry { get; }

    public AvroSerde<TripEvent> TripEvent { get; }

    public AvroSerde<MessageEvent> MessageEvent { get; }

    public AvroSerde<CityHourly> CityHourly { get; }

    public AvroSerde<FlaggedMessage> FlaggedMessage { get; }

    public AvroSerde<StrikeStatus> StrikeStatus { get; }

    public AvroSerde<Rejected> Rejected { get; }

    public AvroSerde<TripLate> TripLate { get; }

    public AvroSerde<MessageLate> MessageLate { get; }

    /// <summary>The serde of contract type <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a contract type.</exception>
    public AvroSerde<T> For<T>() =>
        new object[] { TripEvent, MessageEvent, CityHourly, FlaggedMessage, StrikeStatus, Rejected, TripLate, MessageLate }
            .OfType<AvroSerde<T>>().SingleOrDefault()
        ?? throw new ArgumentException($"{typeof(T).Name} is not a contract type", nameof(T));

    public void Dispose() => _owned?.Dispose();
}
