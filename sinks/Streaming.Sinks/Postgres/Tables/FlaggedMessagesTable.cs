using System.Text;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Sinks.Postgres.Copy;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary><c>flagged_messages</c> from <see cref="FlaggedMessage"/>; last write wins.</summary>
internal sealed class FlaggedMessagesTable : UpsertTable<FlaggedMessage>
{
    private const string MatchedWords = "FlaggedMessage.matched_words";

    /// <inheritdoc />
    public override string Name => "flagged_messages";

    /// <inheritdoc />
    protected override string TempColumns =>
        "message_id text, sender_id text, receiver_id text, text text, sent_at timestamptz, matched_words text[]";

    /// <inheritdoc />
    protected override string CopyColumns => "message_id, sender_id, receiver_id, text, sent_at, matched_words";

    /// <inheritdoc />
    protected override string UpsertSql => $"""
        INSERT INTO flagged_messages ({CopyColumns})
        SELECT {CopyColumns} FROM {TempName}
        ON CONFLICT (message_id) DO UPDATE SET
            sender_id = EXCLUDED.sender_id, receiver_id = EXCLUDED.receiver_id, text = EXCLUDED.text,
            sent_at = EXCLUDED.sent_at, matched_words = EXCLUDED.matched_words
        """;

    /// <inheritdoc />
    protected override string RecordName => "streaming.FlaggedMessage";

    /// <inheritdoc />
    protected override AvroCodec<FlaggedMessage> Codec => AvroCodecs.FlaggedMessage;

    /// <inheritdoc />
    protected override RowKey TranscodeRow(ref AvroReader reader, long offset, CopyRowBuffer rows)
    {
        rows.StartRow(6);
        var messageId = reader.ReadBytesSpan("FlaggedMessage.message_id");
        rows.WriteText(messageId);
        rows.WriteText(reader.ReadBytesSpan("FlaggedMessage.sender_id"));
        rows.WriteText(reader.ReadBytesSpan("FlaggedMessage.receiver_id"));
        rows.WriteText(reader.ReadBytesSpan("FlaggedMessage.text"));
        rows.WriteTimestampTz(reader.ReadLong("FlaggedMessage.sent_at"), "FlaggedMessage.sent_at");
        var words = rows.StartTextArray();
        var count = 0;
        // Each string item takes at least its one-byte length.
        for (var block = reader.ReadBlockCount(MatchedWords, 1); block != 0; block = reader.ReadBlockCount(MatchedWords, 1))
        {
            for (long n = 0; n < block; n++)
            {
                rows.AddTextArrayItem(reader.ReadBytesSpan(MatchedWords));
                count++;
            }
        }
        rows.EndTextArray(words, count);
        return new RowKey(Encoding.UTF8.GetString(messageId));
    }
}
