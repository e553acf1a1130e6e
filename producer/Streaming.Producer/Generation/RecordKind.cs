namespace Streaming.Producer.Generation;

/// <summary>What a generated record is, as written to the JSONL <c>kind</c> field and counted in the summary.</summary>
public enum RecordKind
{
    /// <summary>A valid, first-occurrence event within the allowed lateness.</summary>
    Clean = 0,

    /// <summary>An earlier clean event re-sent unchanged (same id and content) a little later in the stream.</summary>
    Duplicate = 1,

    /// <summary>A valid event sent when the stream is already well past its event time (more than the allowed lateness).</summary>
    Late = 2,

    /// <summary>A record the processor must reject (see <see cref="ProducerRecord.Reason"/>).</summary>
    Bad = 3,
}

/// <summary>Text forms of <see cref="RecordKind"/>.</summary>
public static class RecordKinds
{
    /// <summary>Every kind in summary order.</summary>
    public static IReadOnlyList<RecordKind> All { get; } = [RecordKind.Clean, RecordKind.Duplicate, RecordKind.Late, RecordKind.Bad];

    /// <summary>The lowercase name used in JSONL and summaries: clean, duplicate, late, bad.</summary>
    public static string ToText(this RecordKind kind) => kind switch
    {
        RecordKind.Clean => "clean",
        RecordKind.Duplicate => "duplicate",
        RecordKind.Late => "late",
        RecordKind.Bad => "bad",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown record kind"),
    };

    /// <summary>Parses the lowercase name; false for anything else.</summary>
    public static bool TryParse(string? text, out RecordKind kind)
    {
        switch (text)
        {
            case "clean": kind = RecordKind.Clean; return true;
            case "duplicate": kind = RecordKind.Duplicate; return true;
            case "late": kind = RecordKind.Late; return true;
            case "bad": kind = RecordKind.Bad; return true;
            default: kind = default; return false;
        }
    }
}
