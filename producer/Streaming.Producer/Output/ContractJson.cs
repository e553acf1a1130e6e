using System.Buffers;
using System.Text.Json;
using Streaming.Contracts.Events;
using Streaming.Contracts.Json;

namespace Streaming.Producer.Output;

/// <summary>
/// The contracts' JSON format of trips and messages, used through the contracts' converters directly.
/// </summary>
/// <remarks>
/// Calls the converters (<see cref="TripEventJsonConverter"/>, <see cref="MessageEventJsonConverter"/>) directly on a
/// caller's <see cref="Utf8JsonWriter"/> or <see cref="JsonElement"/>, so JSONL lines are written without an
/// intermediate string and read from an already parsed envelope. The output is the same as <see cref="StreamingJson"/>'s.
/// </remarks>
public static class ContractJson
{
    private static readonly TripEventJsonConverter s_trip = new();
    private static readonly MessageEventJsonConverter s_message = new();
    private static readonly JsonSerializerOptions s_unused = new();

    /// <summary>Writes a trip as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, TripEvent trip) => s_trip.Write(writer, trip, s_unused);

    /// <summary>Writes a message as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, MessageEvent message) => s_message.Write(writer, message, s_unused);

    /// <summary>Reads a trip from a JSON object.</summary>
    /// <exception cref="JsonException">A required field is missing or malformed; the message names it.</exception>
    public static TripEvent ReadTrip(JsonElement element) => s_trip.ReadObject(element);

    /// <summary>Reads a message from a JSON object.</summary>
    /// <exception cref="JsonException">A required field is missing or malformed; the message names it.</exception>
    public static MessageEvent ReadMessage(JsonElement element) => s_message.ReadObject(element);

    /// <summary>A trip as compact UTF-8 JSON.</summary>
    public static byte[] ToUtf8(TripEvent trip) => ToUtf8(writer => Write(writer, trip));

    /// <summary>A message as compact UTF-8 JSON.</summary>
    public static byte[] ToUtf8(MessageEvent message) => ToUtf8(writer => Write(writer, message));

    private static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonlEnvelope.WriterOptions))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
