namespace Streaming.Runtime;

/// <summary>
/// What a processor sees of its task: forwarding, stores, punctuation, record coordinates and time.
/// Valid only on the task's stream thread.
/// </summary>
/// <remarks>
/// Times are epoch milliseconds; <see cref="long.MinValue"/> means "no time yet" (nothing read).
/// <list type="bullet">
/// <item><see cref="StreamTime"/>: largest event time the task has read (over its input partitions).</item>
/// <item><see cref="SourcePartitionWatermark"/>: the watermark of the partition the current record came from, as it
/// was when the record arrived (before this record advanced anything). Decide lateness against this (DESIGN §4).</item>
/// <item><see cref="Watermark"/>: the task watermark, the minimum over its input partitions that have not ended. For
/// a source partition it is stream time − allowed lateness; for a repartition partition it is the minimum over
/// all upstream tasks' watermarks carried by markers. Drive window close and expiry with it.</item>
/// </list>
/// </remarks>
public interface IProcessorContext
{
    /// <summary>The application id (prefix of internal topics).</summary>
    string ApplicationId { get; }

    /// <summary>The task this processor instance belongs to.</summary>
    TaskId TaskId { get; }

    /// <summary>Coordinates and raw bytes of the source record being processed; null inside punctuations and hooks.</summary>
    RecordMetadata? RecordMetadata { get; }

    /// <summary>The task's stream time: largest event time read by this task.</summary>
    long StreamTime { get; }

    /// <summary>The task watermark (see remarks on the interface).</summary>
    long Watermark { get; }

    /// <summary>The current record's source partition watermark at its arrival; the task watermark outside a record.</summary>
    long SourcePartitionWatermark { get; }

    /// <summary>The current record's source partition stream time before this record; the task stream time outside a record.</summary>
    long SourcePartitionStreamTime { get; }

    /// <summary>The configured allowed lateness.</summary>
    TimeSpan AllowedLateness { get; }

    /// <summary>Wall-clock time as the runtime sees it (injected; the test driver's mock clock).</summary>
    long WallClockTime { get; }

    /// <summary>Forwards a record to every child of the current processor.</summary>
    void Forward<TKey, TValue>(Record<TKey, TValue> record);

    /// <summary>Forwards a record to the named child only.</summary>
    void Forward<TKey, TValue>(Record<TKey, TValue> record, string childName);

    /// <summary>Returns a store connected to this processor, e.g. <c>GetStateStore&lt;IKeyValueStore&lt;string,long&gt;&gt;("counts")</c>.</summary>
    TStore GetStateStore<TStore>(string name) where TStore : class, IStateStore;

    /// <summary>Schedules a periodic callback on stream time or wall-clock time; the callback gets the time that fired it.</summary>
    ICancellable Schedule(TimeSpan interval, PunctuationType type, Action<long> callback);

    /// <summary>Asks the runtime to commit soon (after the current record).</summary>
    void Commit();

    /// <summary>
    /// The current record must not advance its partition's stream time (e.g. it was rejected, DESIGN §4).
    /// Stream time is advanced only after the record's processing returns, so this takes effect for this record.
    /// </summary>
    void ExcludeCurrentRecordFromStreamTime();
}
