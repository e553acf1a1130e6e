using System.Runtime.InteropServices;
using Streaming.Contracts.Kafka;
using Streaming.DevKafka;

// Dev Kafka: hosts librdkafka's mock cluster until SIGTERM/SIGINT.
// Usage: devkafka [--brokers N] [--topics FILE] [--topic-requests DIR] [--bootstrap-file FILE]
var brokers = 3;
string? topicsFile = null;
string? bootstrapFile = null;
string? topicRequests = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--brokers" when int.TryParse(Next(), out var n) && n > 0: brokers = n; break;
        case "--brokers": Console.Error.WriteLine("devkafka: --brokers takes a positive whole number."); return 2;
        case "--topics": topicsFile = Next(); break;
        case "--bootstrap-file": bootstrapFile = Next(); break;
        case "--topic-requests": topicRequests = Next(); break;
        case "-h" or "--help":
            Console.WriteLine("devkafka [--brokers N] [--topics FILE] [--topic-requests DIR] [--bootstrap-file FILE]\nHosts librdkafka's mock Kafka cluster on 127.0.0.1 until stopped (SIGTERM/SIGINT).\n--topic-requests DIR creates the topics of every DIR/*.topics file dropped there while it runs, answering in *.done.");
            return 0;
        default: Console.Error.WriteLine($"devkafka: unknown option '{args[i]}'. See --help."); return 2;
    }
}

try
{
    LibrdkafkaLoader.BindImportsOf(typeof(LibrdkafkaMock).Assembly);
    var topics = topicsFile is null ? [] : TopicSpec.ReadFile(topicsFile);
    using var cluster = new MockCluster(brokers);
    foreach (var topic in topics)
    {
        cluster.CreateTopic(topic.Name, topic.Partitions, Math.Min(brokers, 3));
    }

    using var requests = topicRequests is null ? null : new TopicRequests(topicRequests, cluster, Math.Min(brokers, 3));
    requests?.Start();

    using var stop = new ManualResetEventSlim();
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Set(); });
    using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Set(); });

    Console.WriteLine($"devkafka: {brokers} brokers at {cluster.Bootstrap} (librdkafka {LibrdkafkaMock.Version} from {LibrdkafkaLoader.LoadedPath}), {topics.Count} topics created");
    if (bootstrapFile is not null)
    {
        // Written last and atomically: its presence tells dev.sh the cluster is ready.
        File.WriteAllText(bootstrapFile + ".tmp", cluster.Bootstrap);
        File.Move(bootstrapFile + ".tmp", bootstrapFile, overwrite: true);
    }
    stop.Wait();
    Console.WriteLine("devkafka: stopping");
    return 0;
}
catch (LibrdkafkaLoadException ex)
{
    Console.Error.WriteLine("devkafka: " + ex.Message);
    return 2;
}
catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or DllNotFoundException or ArgumentException)
{
    Console.Error.WriteLine("devkafka: " + ex.Message);
    return 1;
}
