using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="FlaggedMessage"/> (schema streaming.FlaggedMessage).</summary>
public sealed class FlaggedMessageCodec : AvroCodec<FlaggedMessage>
{
    private const string MatchedWords = "FlaggedMessage.matched_words";

    /// <summary>The shared instance.</summary>
    public static FlaggedMessageCodec Instance { get; } = new();

    private FlaggedMessageCodec()
        : base(AvroSchemaFiles.FlaggedMessage)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, FlaggedMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteString(Required(value.MessageId, "FlaggedMessage.message_id"));
        writer.WriteString(Required(value.SenderId, "FlaggedMessage.sender_id"));
        writer.WriteString(Required(value.ReceiverId, "FlaggedMessage.receiver_id"));
        writer.WriteString(Required(value.Text, "FlaggedMessage.text"));
        writer.WriteLong(value.SentAt);
        var words = value.MatchedWords ?? throw new AvroException($"{MatchedWords} is null, but the schema requires an array.");
        writer.WriteBlockCount(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            writer.WriteString(Required(words[i], MatchedWords + "[" + i + "]"));
        }
        writer.WriteEndOfBlocks();
    }

    /// <inheritdoc />
    public override FlaggedMessage Read(ref AvroReader reader)
    {
        var messageId = reader.ReadString("FlaggedMessage.message_id");
        var senderId = reader.ReadString("FlaggedMessage.sender_id");
        var receiverId = reader.ReadString("FlaggedMessage.receiver_id");
        var text = reader.ReadString("FlaggedMessage.text");
        var sentAt = reader.ReadLong("FlaggedMessage.sent_at");
        var words = new List<string>();
        // Each string item takes at least its one-byte length.
        for (var count = reader.ReadBlockCount(MatchedWords, 1); count != 0; count = reader.ReadBlockCount(MatchedWords, 1))
        {
            words.EnsureCapacity(words.Count + (int)count);
            for (long n = 0; n < count; n++)
            {
                words.Add(reader.ReadString(MatchedWords));
            }
        }
        return new FlaggedMessage(messageId, senderId, receiverId, text, sentAt, words);
    }
}
