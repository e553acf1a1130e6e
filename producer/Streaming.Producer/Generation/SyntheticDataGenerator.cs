using Streaming.Contracts.Cli;

namespace Streaming.Producer.Generation;

/// <summary>
/// Generates the records of <c>producer generate</c> in send order. The result is a pure function of
/// <see cref="GeneratorSettings"/>: no wall clock, no Guid, no hash-order dependence.
/// </summary>
/// <remarks>
/// <para>
/// Each generated event becomes exactly one of: clean (sent at its event time plus a small jitter, under
/// <see cref="MaxJitterMs"/>, so it is never behind the stream by more than the allowed lateness), late (sent
/// 15 min – 3 h after its event time, or 25–30 h for one in ten, past the 24 h dedup retention) or bad (replaced by a
/// rejectable record, <see cref="BadRecordMaker"/>). A clean event may also be re-sent unchanged 2 s – 10 min later
/// (a duplicate). Records are then ordered by send time.
/// </para>
/// <para>
/// A late candidate is re-labelled clean when, at its send position, it is not more than
/// <see cref="AllowedLatenessMs"/> behind the latest valid event time already sent on its stream (this can happen in
/// sparse streams or at the end of the span), so the kind always tells the truth about the global stream position.
/// A partition's own stream time can lag the global one, so the processor may judge a few late records on time.
/// </para>
/// <para>
/// Trips and messages use separate random streams: the trips of a seed do not change with --messages, and the other
/// way round.
/// </para>
/// </remarks>
public sealed class SyntheticDataGenerator
{
    /// <summary>The processor's default allowed lateness (DESIGN §4).</summary>
    public const long AllowedLatenessMs = 10 * GenerationWindow.MinuteMs;

    /// <summary>The processor's default dedup retention (DESIGN §4).</summary>
    public const long DedupRetentionMs = 24 * GenerationWindow.HourMs;

    /// <summary>Upper bound of the send jitter of clean events; half the allowed lateness.</summary>
    public const long MaxJitterMs = 5 * GenerationWindow.MinuteMs;

    private const ulong TripEvents = 1, TripDirt = 2, MessageEvents = 3, MessageDirt = 4;

    private readonly GeneratorSettings _settings;
    private readonly List<Scheduled> _scheduled = [];
    private long _order;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="UsageException">Counts or rates out of range, or a vocabulary word is also a marked word.</exception>
    public SyntheticDataGenerator(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Trips < 0 || settings.Messages < 0)
        {
            throw new UsageException("--trips and --messages must be 0 or more.");
        }
        if (settings.Window.Days < 1)
        {
            throw new UsageException($"--days {settings.Window.Days} is out of range; pass 1 or more.");
        }
        settings.Dirt.Validate();
        _settings = settings;
    }

    /// <summary>The repeat offenders of the message stream (empty when no messages are generated).</summary>
    public IReadOnlyList<string> Offenders { get; private set; } = [];

    /// <summary>Generates every record in send order.</summary>
    public IReadOnlyList<ProducerRecord> Generate()
    {
        _scheduled.Clear();
        _order = 0;
        var s = _settings;

        var tripRandom = new DeterministicRandom(s.Seed, TripEvents);
        var tripDirt = new DeterministicRandom(s.Seed, TripDirt);
        var trips = new TripFactory(tripRandom, s.Window, s.Seed);
        for (var i = 0; i < s.Trips; i++)
        {
            var trip = trips.Create(i);
            Schedule(ProducerRecord.ForTrip(trip, RecordKind.Clean), tripDirt, random => BadRecordMaker.Trip(trip, random));
        }

        if (s.Messages > 0)
        {
            var messageRandom = new DeterministicRandom(s.Seed, MessageEvents);
            var messageDirt = new DeterministicRandom(s.Seed, MessageDirt);
            var messages = new MessageFactory(messageRandom, s.Window, s.Seed, s.Vocabulary, s.MarkedWords);
            Offenders = messages.Offenders;
            for (var i = 0; i < s.Messages; i++)
            {
                var message = messages.Create(i);
                Schedule(ProducerRecord.ForMessage(message, RecordKind.Clean), messageDirt, random => BadRecordMaker.Message(message, random));
            }
        }

        // Keys are unique with the order tie-breaker, so the unstable sort still has one possible result.
        _scheduled.Sort(static (a, b) => a.SendAt != b.SendAt ? a.SendAt.CompareTo(b.SendAt) : a.Order.CompareTo(b.Order));
        return LabelLateness();
    }

    private void Schedule(ProducerRecord clean, DeterministicRandom dirt, Func<DeterministicRandom, ProducerRecord> makeBad)
    {
        var rates = _settings.Dirt;
        var eventTime = clean.EventTime;
        var roll = dirt.NextDouble();
        if (roll < rates.Bad)
        {
            Add(eventTime + Jitter(dirt), makeBad(dirt));
            return;
        }
        if (roll < rates.Bad + rates.Late && TryLateDelay(eventTime, dirt, out var delay))
        {
            Add(eventTime + delay, clean with { Kind = RecordKind.Late });
            return;
        }
        var sendAt = eventTime + Jitter(dirt);
        Add(sendAt, clean);
        // Duplicates come only from clean events; conditioning on clean keeps duplicates per generated event at the rate.
        var cleanShare = 1.0 - rates.Bad - rates.Late;
        if (cleanShare > 0 && dirt.Chance(rates.Duplicate / cleanShare))
        {
            Add(sendAt + dirt.NextLong(2_000, 10 * GenerationWindow.MinuteMs), clean with { Kind = RecordKind.Duplicate });
        }
    }

    private bool TryLateDelay(long eventTime, DeterministicRandom dirt, out long delay)
    {
        var end = _settings.Window.EndMs;
        if (dirt.Chance(0.1))
        {
            // Past the dedup horizon: event time + retention ≤ watermark (stream time − allowed lateness) on arrival.
            delay = dirt.NextLong(25 * GenerationWindow.HourMs, 30 * GenerationWindow.HourMs);
            if (eventTime + delay <= end)
            {
                return true;
            }
        }
        delay = dirt.NextLong(15 * GenerationWindow.MinuteMs, 3 * GenerationWindow.HourMs);
        return eventTime + delay <= end;
    }

    // Mostly a few seconds, rarely up to MaxJitterMs (cubed uniform).
    private static long Jitter(DeterministicRandom dirt)
    {
        var u = dirt.NextDouble();
        return (long)(u * u * u * MaxJitterMs);
    }

    private void Add(long sendAt, ProducerRecord record) => _scheduled.Add(new Scheduled(sendAt, _order++, record));

    private List<ProducerRecord> LabelLateness()
    {
        var result = new List<ProducerRecord>(_scheduled.Count);
        var latestValid = new long[EventStreams.All.Count];
        Array.Fill(latestValid, long.MinValue);
        foreach (var item in _scheduled)
        {
            var record = item.Record;
            var stream = (int)record.Stream;
            if (record.Kind == RecordKind.Late)
            {
                var behind = latestValid[stream] == long.MinValue ? 0 : latestValid[stream] - record.EventTime;
                record = behind > AllowedLatenessMs ? record with { BehindMs = behind } : record with { Kind = RecordKind.Clean };
            }
            if (record.Kind != RecordKind.Bad)
            {
                latestValid[stream] = Math.Max(latestValid[stream], record.EventTime);
            }
            result.Add(record);
        }
        _scheduled.Clear();
        return result;
    }

    private readonly record struct Scheduled(long SendAt, long Order, ProducerRecord Record);
}
