using Streaming.Contracts.Events;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>Every output topic of one processor run, read fully and decoded with the contracts' Avro serdes.</summary>
public sealed class OutputTopics
{
    public required List<Output<CityHourly>> CityHourly { get; init; }

    public required List<Output<StrikeStatus>> StrikeStatus { get; init; }

    public required List<Output<TripEvent>> TripsClean { get; init; }

    public required List<Output<Rejected>> TripsRejected { get; init; }

    public required List<Output<TripLate>> TripsLate { get; init; }

    public required List<Output<FlaggedMessage>> MessagesFlagged { get; init; }

    public required List<Output<Rejected>> MessagesRejected { get; init; }

    public required List<Output<MessageLate>> MessagesLate { get; init; }

    public static OutputTopics Read(TopicReader reader, string prefix)
    {
        var serdes = DevRegistry.Serdes;
        var bound = TimeSpan.FromSeconds(60);
        List<Output<T>> Read<T>(string topic, AvroSerde<T> serde) =>
            reader.ReadAll(prefix + topic, bound).Select(r => new Output<T>(r, Decode(serde, prefix + topic, r))).ToList();
        return new OutputTopics
        {
            CityHourly = Read("trips.city-hourly", serdes.CityHourly),
            StrikeStatus = Read("senders.strike-status", serdes.StrikeStatus),
            TripsClean = Read("trips.clean", serdes.TripEvent),
            TripsRejected = Read("trips.rejected", serdes.Rejected),
            TripsLate = Read("trips.late", serdes.TripLate),
            MessagesFlagged = Read("messages.flagged", serdes.FlaggedMessage),
            MessagesRejected = Read("messages.rejected", serdes.Rejected),
            MessagesLate = Read("messages.late", serdes.MessageLate),
        };
    }

    private static T Decode<T>(AvroSerde<T> serde, string topic, TopicRecord record)
    {
        if (record.Value is null)
        {
            throw new InvalidOperationException($"{topic} partition {record.Partition} offset {record.Offset} has a null value.");
        }
        try
        {
            return serde.Deserialize(record.Value);
        }
        catch (RecordDecodeException ex)
        {
            throw new InvalidOperationException($"{topic} partition {record.Partition} offset {record.Offset} does not decode as {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
