namespace Streaming.DevKafka;

/// <summary>
/// Creates topics while the cluster runs: a client drops a topics file (<c>name partitions</c> lines) named
/// <c>*.topics</c> into the folder; each is created, and the answer is written beside it as <c>*.done</c> ("ok", or
/// the error). The mock cannot answer CreateTopics, and Streamiz needs its internal topics before it starts
/// (<c>processor describe --internal-topics</c> lists them; <c>scripts/dev.sh topics</c> sends them).
/// </summary>
internal sealed class TopicRequests(string folder, MockCluster cluster, int replicationFactor) : IDisposable
{
    // librdkafka's RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: creating a topic twice is fine (requests are idempotent).
    private const int TopicAlreadyExists = 36;

    private Timer? _poll;
    private int _busy;

    public void Start()
    {
        Directory.CreateDirectory(folder);
        _poll = new Timer(_ => Poll(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    private void Poll()
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }
        try
        {
            foreach (var request in Directory.GetFiles(folder, "*.topics"))
            {
                var answer = Path.ChangeExtension(request, ".done");
                File.WriteAllText(answer + ".tmp", Create(request));
                File.Move(answer + ".tmp", answer, overwrite: true);
                File.Delete(request);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private string Create(string request)
    {
        try
        {
            var created = 0;
            foreach (var topic in TopicSpec.ReadFile(request))
            {
                var err = cluster.TryCreateTopic(topic.Name, topic.Partitions, replicationFactor);
                if (err is not (0 or TopicAlreadyExists))
                {
                    return $"creating topic '{topic.Name}' failed: {LibrdkafkaMock.Describe(err)}";
                }
                created += err == 0 ? 1 : 0;
            }
            Console.WriteLine($"devkafka: {created} topics created from {Path.GetFileName(request)}");
            return "ok";
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            return ex.Message;
        }
    }

    public void Dispose() => _poll?.Dispose();
}
