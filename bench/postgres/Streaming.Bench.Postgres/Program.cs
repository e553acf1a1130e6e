using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Streaming.Bench.Postgres;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres;
using Streaming.Contracts.Kafka;

// The package's librdkafka, bound before the first Kafka call (DESIGN §2).
LibrdkafkaLoader.EnsureLoadedOrExit("bench");

// Sink throughput versus `psql \copy` of the same rows into the same table shape (flagged_messages), same run:
//  1. psql \copy (CSV) into an empty flagged_messages;
//  2. the sink's write path: PostgresSink batches (binary COPY to a temp table, upsert, sink_offsets) fed decoded records;
//  3. the sink end to end: Kafka (dev broker) → decode → PostgresSink, `--until-end`;
//  4. a bare consumer reading the same topic to its end offsets (the ceiling of 3 on this broker).
// Each writes into its own schema, emptied before every run. Ratios are sink rows/s over psql rows/s (goal ≥ 0.7 end to end).
var rows = IntArg("--rows", 100_000);
var batchSize = IntArg("--batch-size", 5000);
var runs = IntArg("--runs", 3);
var pg = Environment.GetEnvironmentVariable("PG_CONNECTION") ?? Fail("PG_CONNECTION is not set; run scripts/dev.sh up (run.sh sources .dev/env).");
var bootstrap = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP") ?? Fail("KAFKA_BOOTSTRAP is not set; run scripts/dev.sh up.");
var id = Guid.NewGuid().ToString("N")[..8];
using var serdes = new AvroSerdes(SchemaRegistrySettings.Bind(StreamingConfiguration.Build()));
var data = FlaggedRows.Generate(rows, seed: 42);
Console.WriteLine($"postgres sink benchmark: {rows} flagged_messages rows, batch size {batchSize}, best of {runs} runs (end to end: the second of two runs)");

var schemas = new List<string>();
try
{
    // 1 and 2, alternated over several runs (best of each): the JIT tiers up over the first runs, and other
    // load on the machine moves both numbers together.
    var copySchema = await CreateSchemaAsync("bench_copy_" + id);
    var writeSchema = await CreateSchemaAsync("bench_write_" + id);
    await using var copySource = NpgsqlDataSource.Create(WithSearchPath(copySchema));
    await using var writeSource = NpgsqlDataSource.Create(WithSearchPath(writeSchema));
    var csv = Path.Combine(Path.GetTempPath(), $"bench-flagged-{id}.csv");
    FlaggedRows.WriteCsv(data, csv);
    var records = data.Select((m, i) => new SinkRecord("messages.flagged.bench", i % 4, i / 4, m.SentAt, Encoding.UTF8.GetBytes(m.SenderId),
        serdes.FlaggedMessage.Serialize(m, "messages.flagged"), m)).ToList();
    var copyTime = TimeSpan.MaxValue;
    var writeTime = TimeSpan.MaxValue;
    for (var run = 0; run < runs; run++)
    {
        await ExecuteAsync(copySource, "TRUNCATE flagged_messages");
        var copy = RunPsqlCopy(copySchema, csv);
        await ExpectRowsAsync(copySchema, rows);
        await ExecuteAsync(writeSource, "TRUNCATE flagged_messages, sink_offsets");
        var write = await WritePathAsync(writeSource, records, "bench");
        await ExpectRowsAsync(writeSchema, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}: psql \\copy {copy.TotalSeconds:F2} s, sink write path {write.TotalSeconds:F2} s"));
        copyTime = copy < copyTime ? copy : copyTime;
        writeTime = write < writeTime ? write : writeTime;
    }
    File.Delete(csv);

    // 3. end to end from Kafka
    // Two runs over two topics (the broker keeps ~5 MB per partition, so the rows are not produced more often): the
    // first warms up the Kafka and decoding code, the second is reported.
    var e2eSchema = await CreateSchemaAsync("bench_e2e_" + id);
    await using var e2eSource = NpgsqlDataSource.Create(WithSearchPath(e2eSchema));
    var e2eTime = TimeSpan.Zero;
    var summary = string.Empty;
    var topic = string.Empty;
    for (var run = 0; run < 2; run++)
    {
        topic = $"messages.flagged.bench{id}r{run}";
        await ProduceAsync(topic);
        await ExecuteAsync(e2eSource, "TRUNCATE flagged_messages, sink_offsets");
        (e2eTime, summary) = await EndToEndAsync(e2eSource, topic);
        await ExpectRowsAsync(e2eSchema, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  end-to-end run {run + 1}: {e2eTime.TotalSeconds:F2} s{(run == 0 ? " (warm-up)" : string.Empty)}"));
    }
    var consumeTime = ConsumeOnly(topic);

    var copyRate = rows / copyTime.TotalSeconds;
    Report("psql \\copy (CSV)", copyTime, copyRate, null);
    Report("sink write path", writeTime, rows / writeTime.TotalSeconds, copyRate);
    Report("sink end to end (Kafka)", e2eTime, rows / e2eTime.TotalSeconds, copyRate);
    Report("kafka consume only (ceiling)", consumeTime, rows / consumeTime.TotalSeconds, copyRate);
    Console.WriteLine("  " + summary);
}
finally
{
    foreach (var schema in schemas)
    {
        await ExecuteAsync(NpgsqlDataSource.Create(pg), $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }
}
return 0;

void Report(string what, TimeSpan time, double rate, double? copyRate) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-26} {time.TotalSeconds,7:F2} s {rate,12:N0} rows/s{(copyRate is { } c ? $"   ratio {rate / c:F2}" : string.Empty)}"));

async Task<string> CreateSchemaAsync(string name)
{
    await ExecuteAsync(NpgsqlDataSource.Create(pg), $"CREATE SCHEMA {name}");
    schemas.Add(name);
    await using var source = NpgsqlDataSource.Create(WithSearchPath(name));
    await new SchemaMigrator(source, NullLogger.Instance).MigrateAsync();
    return name;
}

string WithSearchPath(string schema) => new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ConnectionString;

TimeSpan RunPsqlCopy(string schema, string csv)
{
    var builder = new NpgsqlConnectionStringBuilder(pg);
    var psi = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
        "-U", builder.Username ?? "postgres", "-d", builder.Database ?? "postgres",
        "-c", $"\\copy flagged_messages (message_id, sender_id, receiver_id, text, sent_at, matched_words) FROM '{csv}' WITH (FORMAT csv)" })
    {
        psi.ArgumentList.Add(arg);
    }
    psi.Environment["PGOPTIONS"] = $"-c search_path={schema}";
    if (!string.IsNullOrEmpty(builder.Password))
    {
        psi.Environment["PGPASSWORD"] = builder.Password;
    }
    var stopwatch = Stopwatch.StartNew();
    using var process = Process.Start(psi)!;
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    stopwatch.Stop();
    if (process.ExitCode != 0)
    {
        Fail($"psql \\copy failed (exit {process.ExitCode}): {stderr}");
    }
    return stopwatch.Elapsed;
}

async Task<TimeSpan> WritePathAsync(NpgsqlDataSource source, List<SinkRecord> batch, string sinkName)
{
    var sink = new PostgresSink(source, new PostgresSinkSettings { BatchSize = batchSize, SinkName = sinkName }, NullLogger.Instance);
    var stopwatch = Stopwatch.StartNew();
    foreach (var record in batch)
    {
        sink.Append(record);
        if (sink.IsFlushDue(DateTimeOffset.UtcNow))
        {
            await sink.FlushAsync(all: false); // as the delivery loop does: the write overlaps the next batch's appends
        }
    }
    await sink.FlushAsync(all: true);
    return stopwatch.Elapsed;
}

async Task ProduceAsync(string topic)
{
    var config = KafkaClientConfigFactory.CreateProducerConfig(new KafkaSettings { BootstrapServers = bootstrap });
    config.LingerMs = 20;
    using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
    foreach (var m in data)
    {
        producer.Produce(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(m.SenderId), Value = serdes.FlaggedMessage.Serialize(m, topic) });
    }
    if (producer.Flush(TimeSpan.FromSeconds(120)) > 0)
    {
        Fail("producing the benchmark records did not finish within 120 s.");
    }
    await Task.CompletedTask;
}

async Task<(TimeSpan, string)> EndToEndAsync(NpgsqlDataSource source, string topic)
{
    var kafka = new KafkaSettings { BootstrapServers = bootstrap };
    var settings = new PostgresSinkSettings { BatchSize = batchSize, SinkName = "bench-e2e", Topics = [topic], GroupId = "bench-" + id };
    using var rejected = new RejectedPublisher(KafkaClientConfigFactory.CreateProducerConfig(kafka), NullLogger.Instance, serde: serdes.Rejected);
    var loop = new DeliveryLoop(
        new DeliveryOptions { Topics = [topic], GroupId = settings.GroupId, SinkName = settings.SinkName, UntilEnd = true },
        KafkaClientConfigFactory.CreateConsumerConfig(kafka, settings.GroupId),
        new PostgresSink(source, settings, NullLogger.Instance),
        new RecordDecoder(serdes),
        rejected,
        NullLogger.Instance);
    var stopwatch = Stopwatch.StartNew();
    await loop.RunAsync();
    stopwatch.Stop();
    return (stopwatch.Elapsed, loop.Summary.Format("postgres", stopwatch.Elapsed));
}

// Reads the topic once with a bare consumer (no decoding, no sink): the most the end-to-end run could reach here. It
// polls as the sink does (Consume) and stops, as the sink's --until-end does, once every partition
// reached the end offset captured at start; waiting for end-of-partition events instead would add the mock broker's
// fetch.wait.max.ms (500 ms) that it holds back an empty fetch for.
TimeSpan ConsumeOnly(string topic)
{
    var kafka = new KafkaSettings { BootstrapServers = bootstrap };
    var config = KafkaClientConfigFactory.CreateConsumerConfig(kafka, "bench-consume-" + id);
    using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
    var stopwatch = Stopwatch.StartNew();
    var partitions = Enumerable.Range(0, 4).Select(p => new TopicPartition(topic, p)).ToList();
    var ends = partitions.ToDictionary(tp => tp.Partition.Value, tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
    consumer.Assign(partitions.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));
    var seen = 0;
    var remaining = ends.Count(kv => kv.Value > 0);
    while (remaining > 0 && stopwatch.Elapsed < TimeSpan.FromMinutes(2))
    {
        PolledRecord? polled = consumer.Consume(100) is { } result ? PolledRecord.From(result) : null;
        if (polled is not { IsEof: false } record)
        {
            continue;
        }
        seen++;
        if (record.Offset + 1 == ends[record.Partition])
        {
            remaining--;
        }
    }
    if (seen != rows)
    {
        Fail($"the bare consumer read {seen} records of {topic}, expected {rows}.");
    }
    return stopwatch.Elapsed;
}

async Task ExpectRowsAsync(string schema, long expected)
{
    await using var source = NpgsqlDataSource.Create(WithSearchPath(schema));
    await using var command = source.CreateCommand("SELECT count(*) FROM flagged_messages");
    var actual = (long)(await command.ExecuteScalarAsync())!;
    if (actual != expected)
    {
        Fail($"{schema}.flagged_messages holds {actual} rows, expected {expected}.");
    }
}

static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
{
    await using var command = source.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

static string Fail(string message)
{
    Console.Error.WriteLine("bench: " + message);
    Environment.Exit(1);
    return message;
}
