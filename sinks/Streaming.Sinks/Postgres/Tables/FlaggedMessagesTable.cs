using Npgsql;
using NpgsqlTypes;
using Streaming.Contracts.Events;

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
    protected override string KeyOf(FlaggedMessage value) => value.MessageId;

    /// <inheritdoc />
    protected override void CheckRanges(FlaggedMessage value) => TimestampColumn.Check(value.SentAt, "FlaggedMessage.sent_at");

    /// <inheritdoc />
    protected override void WriteRow(NpgsqlBinaryImporter importer, FlaggedMessage value, long offset)
    {
        importer.Write(value.MessageId, NpgsqlDbType.Text);
        importer.Write(value.SenderId, NpgsqlDbType.Text);
        importer.Write(value.ReceiverId, NpgsqlDbType.Text);
        importer.Write(value.Text, NpgsqlDbType.Text);
        importer.Write(TimestampColumn.Value(value.SentAt), TimestampColumn.DbType);
        // Npgsql writes arrays from IList<T>, not from IReadOnlyList<T>.
        IList<string> words = value.MatchedWords as IList<string> ?? [.. value.MatchedWords];
        importer.Write(words, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }
}
