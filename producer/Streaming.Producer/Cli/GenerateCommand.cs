using System.CommandLine;
using System.Globalization;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Cli;

/// <summary><c>producer generate</c>: deterministic synthetic trips and messages, with dirt, to Kafka or a JSONL file.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var trips = new Option<int>("--trips") { Description = "Number of trips to generate.", DefaultValueFactory = _ => 0 };
        var messages = new Option<int>("--messages") { Description = "Number of messages to generate.", DefaultValueFactory = _ => 0 };
        var start = new Option<string>("--start") { Description = "First day (UTC), YYYY-MM-DD.", DefaultValueFactory = _ => "2025-09-01" };
        var days = new Option<int>("--days") { Description = "Number of days the event times span.", DefaultValueFactory = _ => 14 };
        var seed = new Option<long>("--seed") { Description = "Seed; the same seed and flags give byte-identical output.", DefaultValueFactory = _ => 42 };
        var dupRate = new Option<double>("--dup-rate") { Description = "Duplicates (a clean event re-sent unchanged) per generated event; 0 disables.", DefaultValueFactory = _ => DirtRates.Default.Duplicate };
        var lateRate = new Option<double>("--late-rate") { Description = "Events sent past the allowed lateness (15 min–3 h; 1 in 10 past the 24 h dedup horizon) per generated event.", DefaultValueFactory = _ => DirtRates.Default.Late };
        var badRate = new Option<double>("--bad-rate") { Description = "Rejectable records (undecodable, missing field, negative duration/fare, a week in the future) per generated event.", DefaultValueFactory = _ => DirtRates.Default.Bad };
        var rate = new Option<double?>("--rate") { Description = "Limit sending to this many events per second (default: unlimited)." };
        var output = new Option<string?>("--out") { Description = "Write JSON lines to this file instead of Kafka." };
        var topicPrefix = new Option<string?>("--topic-prefix") { Description = "Prefix for both default topic names (e.g. 'e2e-1.' → e2e-1.trips, e2e-1.messages)." };
        var tripsTopic = new Option<string?>("--trips-topic") { Description = "Topic for trips (default trips)." };
        var messagesTopic = new Option<string?>("--messages-topic") { Description = "Topic for messages (default messages)." };
        var vocabulary = new Option<string?>("--vocabulary") { Description = "Vocabulary file (default data/vocabulary.txt)." };
        var markedWords = new Option<string?>("--marked-words") { Description = "Marked-words file (default data/marked-words.txt)." };
        var kafka = new KafkaCliOptions();

        var command = new Command("generate", "Generate deterministic synthetic trips and messages, with duplicates, late and bad records, to Kafka or --out FILE.jsonl.")
        {
            trips, messages, start, days, seed, dupRate, lateRate, badRate, rate, output, topicPrefix, tripsTopic, messagesTopic, vocabulary, markedWords,
        };
        kafka.AddTo(command);

        command.SetAction(async (result, cancellationToken) =>
        {
            var tripCount = NonNegative(result.GetValue(trips), "--trips");
            var messageCount = NonNegative(result.GetValue(messages), "--messages");
            if (tripCount + (long)messageCount == 0)
            {
                throw new UsageException("nothing to generate: pass --trips N and/or --messages M.");
            }
            var window = GenerationWindow.FromDate(ParseDate(result.GetValue(start)!), Positive(result.GetValue(days), "--days"));
            var dirt = new DirtRates(result.GetValue(dupRate), result.GetValue(lateRate), result.GetValue(badRate)).Validate();
            var ratePerSecond = RateOption.Validate(result.GetValue(rate));
            var outPath = result.GetValue(output);
            var prefix = result.GetValue(topicPrefix) ?? string.Empty;
            var topics = new Dictionary<EventStream, string>
            {
                [EventStream.Trips] = TopicName(result.GetValue(tripsTopic), prefix + EventStream.Trips.ToName(), "--trips-topic"),
                [EventStream.Messages] = TopicName(result.GetValue(messagesTopic), prefix + EventStream.Messages.ToName(), "--messages-topic"),
            };
            // Resolve configuration before generating, so a missing setting fails at once.
            var kafkaOptions = outPath is null ? kafka.Resolve(result, context, topics) : null;

            IReadOnlyList<string> vocabularyWords = [], marked = [];
            if (messageCount > 0)
            {
                vocabularyWords = WordList.Load(WordList.Locate(result.GetValue(vocabulary), "vocabulary.txt")).Words;
                marked = WordList.Load(WordList.Locate(result.GetValue(markedWords), "marked-words.txt")).Words;
            }
            var seedValue = result.GetValue(seed);
            var generator = new SyntheticDataGenerator(new GeneratorSettings(tripCount, messageCount, window, seedValue, dirt, vocabularyWords, marked));
            var records = generator.Generate();

            await using IRecordSink sink = outPath is not null
                ? JsonlFileSink.Create(outPath)
                : await KafkaRecordSink.ConnectAsync(kafkaOptions!, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"producer: generated {records.Count} records (seed {seedValue}, {result.GetValue(start)} + {window.Days} days) → {sink.Description}"));
            if (generator.Offenders.Count > 0)
            {
                context.Output.WriteLine("producer: repeat offenders " + string.Join(", ", generator.Offenders));
            }
            var completion = await SendLoop.RunAsync(records, records.Count, sink, ratePerSecond, CliOutput.Progress(context), "generate", cancellationToken)
                .ConfigureAwait(false);
            CliOutput.Summary(context, sink.Delivered, EventStreams.All, sink.DestinationOf);
            return CliOutput.Completion(context, completion);
        });
        return command;
    }

    private static int NonNegative(int value, string flag) =>
        value >= 0 ? value : throw new UsageException($"{flag} {value} is out of range; pass 0 or more.");

    private static int Positive(int value, string flag) =>
        value >= 1 && value <= 3660 ? value : throw new UsageException($"{flag} {value} is out of range; pass 1 to 3660.");

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--start '{text}' is not a date; pass YYYY-MM-DD (e.g. 2025-09-01).");

    internal static string TopicName(string? given, string fallback, string flag)
    {
        var name = string.IsNullOrEmpty(given) ? fallback : given;
        if (name.Length > 249 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new UsageException($"{flag} '{name}' is not a valid Kafka topic name; use letters, digits, '.', '_' and '-' (at most 249).");
        }
        return name;
    }
}
