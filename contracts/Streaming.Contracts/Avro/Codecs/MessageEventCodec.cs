using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="MessageEvent"/> (schema streaming.MessageEvent).</summary>
public sealed class MessageEventCodec : AvroCodec<MessageEvent>
{
    // Declared first: the static initializers below run in textual order.
    private static readonly string[] s_fieldNames = ["message_id", "sender_id", "receiver_id", "text", "sent_at"];

    /// <summary>Field paths for messages, when the record is the top-level value.</summary>
    internal static readonly string[] TopLevelFields = FieldPaths("MessageEvent");

    /// <summary>Field paths for messages, when the record is nested in MessageLate.</summary>
    internal static readonly string[] NestedFields = FieldPaths("MessageLate.message");

    /// <summary>The shared instance.</summary>
    public static MessageEventCodec Instance { get; } = new();

    private MessageEventCodec()
        : base(AvroSchemaFiles.MessageEvent)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, MessageEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteFields(writer, value, TopLevelFields);
    }

    /// <inheritdoc />
    public override MessageEvent Read(ref AvroReader reader) => ReadFields(ref reader, TopLevelFields);

    internal static void WriteFields(AvroWriter writer, MessageEvent value, string[] path)
    {
        writer.WriteString(Required(value.MessageId, path[0]));
        writer.WriteString(Required(value.SenderId, path[1]));
        writer.WriteString(Required(value.ReceiverId, path[2]));
        writer.WriteString(Required(value.Text, path[3]));
        writer.WriteLong(value.SentAt);
    }

    internal static MessageEvent ReadFields(ref AvroReader reader, string[] path) =>
        new(
            reader.ReadString(path[0]),
            reader.ReadString(path[1]),
            reader.ReadString(path[2]),
            reader.ReadString(path[3]),
            reader.ReadLong(path[4]));

    private static string[] FieldPaths(string prefix) => Array.ConvertAll(s_fieldNames, name => prefix + "." + name);
}
