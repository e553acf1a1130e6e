namespace Streaming.Runtime;

/// <summary>A scheduled punctuation of one processor node.</summary>
internal sealed class PunctuationSchedule(ProcessorNode node, long intervalMs, Action<long> callback, long next) : ICancellable
{
    public ProcessorNode Node { get; } = node;

    public long IntervalMs { get; } = intervalMs;

    public Action<long> Callback { get; } = callback;

    /// <summary>Due time; <see cref="long.MinValue"/> = at the first known time.</summary>
    public long Next { get; set; } = next;

    public bool Cancelled { get; private set; }

    public void Cancel() => Cancelled = true;
}

/// <summary>Punctuations of one type for one task. Fires each due schedule once per call, then reschedules.</summary>
internal sealed class PunctuationQueue
{
    private readonly List<PunctuationSchedule> _schedules = [];

    public PunctuationSchedule Add(PunctuationSchedule schedule)
    {
        _schedules.Add(schedule);
        return schedule;
    }

    public bool IsEmpty => _schedules.Count == 0;

    /// <summary>Runs every schedule due at <paramref name="time"/>; returns whether any ran.</summary>
    public bool MayPunctuate(long time, Action<PunctuationSchedule, long> run)
    {
        if (time == long.MinValue || _schedules.Count == 0)
        {
            return false;
        }
        var any = false;
        for (var i = 0; i < _schedules.Count; i++)
        {
            var schedule = _schedules[i];
            if (schedule.Cancelled)
            {
                _schedules.RemoveAt(i--);
                continue;
            }
            if (schedule.Next == long.MinValue || time >= schedule.Next)
            {
                var next = schedule.Next == long.MinValue ? time + schedule.IntervalMs : schedule.Next + schedule.IntervalMs;
                // A time jump of several intervals fires once and realigns after the current time.
                schedule.Next = next <= time ? time + schedule.IntervalMs : next;
                run(schedule, time);
                any = true;
            }
        }
        return any;
    }
}
