namespace Streaming.Producer.Replay;

/// <summary>Input file formats of <c>replay-file</c>.</summary>
public enum ReplayFormat
{
    /// <summary>JSON lines: bare values with the schema's field names, or <c>generate</c> envelopes.</summary>
    Jsonl = 0,

    /// <summary>CSV with a header of the schema's field names.</summary>
    Csv = 1,
}
