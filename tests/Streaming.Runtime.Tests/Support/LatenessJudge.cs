using Streaming.Runtime;

namespace Streaming.Runtime.Tests.Support;

/// <summary>
/// Test topology logic at the source: a record whose tumbling window has ended at or before its source partition's
/// watermark goes to child "late" (and does not advance stream time); others go to child "on-time".
/// </summary>
public sealed class LatenessJudge(long sizeMs) : ContextualProcessor<string, long>
{
    public override void Process(Record<string, long> record)
    {
        var end = record.Timestamp - (((record.Timestamp % sizeMs) + sizeMs) % sizeMs) + sizeMs;
        if (end <= Context.SourcePartitionWatermark)
        {
            Context.ExcludeCurrentRecordFromStreamTime();
            Context.Forward(record.WithValue($"p{Context.RecordMetadata!.Partition}:late:{record.Value}@{record.Timestamp} wm={Context.SourcePartitionWatermark}"), "late");
            return;
        }
        Context.Forward(record, "on-time");
    }
}
