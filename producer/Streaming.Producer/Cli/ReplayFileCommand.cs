using System.CommandLine;
using System.Text;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;
using Streaming.Producer.Replay;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Cli;

/// <summary>
/// <c>producer replay-file --topic T --file F [--strict] [--format jsonl|csv]</c>: sends the rows of a .jsonl or .csv
/// file to one topic. Rows that cannot be encoded go to <c>F.rejects</c> with line number and reason.
/// </summary>
internal static class ReplayFileCommand
{
    public static Command Create(CliContext context)
    {
        var topic = new Option<string>("--topic") { Description = "Topic to send to; its name tells the schema (…trips… or …messages…) unless --schema is given.", Required = true };
        var file = new Option<string>("--file") { Description = "Input file: .jsonl (values or generate envelopes) or .csv with a header of schema field names.", Required = true };
        var strict = new Option<bool>("--strict") { Description = "Exit with code 3 when any row was rejected (rows that can be encoded are still sent)." };
        var format = new Option<string?>("--format") { Description = "Input format (default: from the file extension)." };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var schema = new Option<string?>("--schema") { Description = "Schema of the rows when the topic name does not tell it." };
        schema.AcceptOnlyFromAmong("trips", "messages");
        var output = new Option<string?>("--out") { Description = "Write JSON lines (generate envelopes) to this file instead of Kafka." };
        var rate = new Option<double?>("--rate") { Description = "Limit sending to this many events per second (default: unlimited)." };
        var kafka = new KafkaCliOptions();

        var command = new Command("replay-file", "Replay a .jsonl or .csv file to a topic; rows that cannot be encoded go to FILE.rejects.")
        {
            topic, file, strict, format, schema, output, rate,
        };
        kafka.AddTo(command);

        command.SetAction(async (result, cancellationToken) =>
        {
            var topicName = GenerateCommand.TopicName(result.GetValue(topic), string.Empty, "--topic");
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"--file '{path}' does not exist; pass the path of a .jsonl or .csv file.");
            }
            var inputFormat = ResolveFormat(result.GetValue(format), path);
            var stream = ResolveStream(result.GetValue(schema), topicName);
            var ratePerSecond = RateOption.Validate(result.GetValue(rate));
            var outPath = result.GetValue(output);
            var topics = new Dictionary<EventStream, string> { [stream] = topicName };
            var kafkaOptions = outPath is null ? kafka.Resolve(result, context, topics) : null;

            var reader = new ReplayRowReader(stream);
            using var rejects = new RejectsFile(path);
            long rows = 0, skipped = 0;
            using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var rowSource = inputFormat == ReplayFormat.Csv
                ? reader.ReadCsv(text, path, notice => context.Output.WriteLine("producer: " + notice))
                : reader.ReadJsonl(text);
            // Pull the header (and its checks) before connecting, so a bad header is a usage error with nothing sent.
            using var rowEnumerator = rowSource.GetEnumerator();
            var hasFirst = rowEnumerator.MoveNext();

            IEnumerable<ProducerRecord> Records()
            {
                for (var more = hasFirst; more; more = rowEnumerator.MoveNext())
                {
                    var row = rowEnumerator.Current;
                    rows++;
                    if (row.Record is not null)
                    {
                        yield return row.Record;
                    }
                    else if (row.RejectReason is not null)
                    {
                        rejects.Add(row.Line, row.RejectReason);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }

            await using IRecordSink sink = outPath is not null
                ? JsonlFileSink.Create(outPath)
                : await KafkaRecordSink.ConnectAsync(kafkaOptions!, cancellationToken).ConfigureAwait(false);
            var completion = await SendLoop.RunAsync(Records(), total: -1, sink, ratePerSecond, CliOutput.Progress(context), "replay-file", cancellationToken)
                .ConfigureAwait(false);

            var sent = sink.Delivered.Total;
            context.Output.WriteLine($"producer: replayed {rows} rows of {path} → {sink.Description} topic {topicName}: "
                + $"{sent} sent, {rejects.Count} rejected" + (rejects.Count > 0 ? $" (see {rejects.Path})" : string.Empty)
                + (skipped > 0 ? $", {skipped} skipped (envelopes of the other stream)" : string.Empty));
            CliOutput.Summary(context, sink.Delivered, [stream], sink.DestinationOf);
            var exit = CliOutput.Completion(context, completion);
            if (exit == ExitCodes.Ok && rejects.Count > 0 && result.GetValue(strict))
            {
                context.Error.WriteLine($"producer: {rejects.Count} rows rejected under --strict; see {rejects.Path}.");
                return ExitCodes.RowsRejected;
            }
            return exit;
        });
        return command;
    }

    private static ReplayFormat ResolveFormat(string? given, string path)
    {
        var name = given ?? Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch
        {
            "jsonl" or "ndjson" or "json" => "jsonl",
            "csv" => "csv",
            _ => throw new UsageException($"cannot tell the format of '{path}' from its extension; pass --format jsonl or --format csv."),
        };
        return name == "csv" ? ReplayFormat.Csv : ReplayFormat.Jsonl;
    }

    private static EventStream ResolveStream(string? given, string topic)
    {
        if (given is not null)
        {
            return given == "trips" ? EventStream.Trips : EventStream.Messages;
        }
        var trip = topic.Contains("trip", StringComparison.OrdinalIgnoreCase);
        var message = topic.Contains("message", StringComparison.OrdinalIgnoreCase);
        return trip == message
            ? throw new UsageException($"cannot tell the schema of topic '{topic}' from its name; pass --schema trips or --schema messages.")
            : trip ? EventStream.Trips : EventStream.Messages;
    }
}
