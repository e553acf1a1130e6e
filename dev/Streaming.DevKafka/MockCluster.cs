namespace Streaming.DevKafka;

/// <summary>A running librdkafka mock cluster: a real Kafka wire-protocol server on 127.0.0.1.</summary>
internal sealed class MockCluster : IDisposable
{
    private IntPtr _owner;
    private IntPtr _cluster;

    public MockCluster(int brokers)
    {
        _owner = LibrdkafkaMock.CreateOwnerHandle();
        _cluster = LibrdkafkaMock.ClusterNew(_owner, brokers);
        if (_cluster == IntPtr.Zero)
        {
            LibrdkafkaMock.KafkaDestroy(_owner);
            throw new InvalidOperationException($"rd_kafka_mock_cluster_new could not start {brokers} brokers.");
        }
        Bootstrap = LibrdkafkaMock.Bootstraps(_cluster);
    }

    public string Bootstrap { get; }

    /// <summary>CreateTopics times out against the mock, so topics are created here, through the mock API.</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor)
    {
        var err = TryCreateTopic(name, partitions, replicationFactor);
        if (err != 0)
        {
            throw new InvalidOperationException($"creating topic '{name}' failed: {LibrdkafkaMock.Describe(err)}");
        }
    }

    /// <summary>Creates a topic; returns librdkafka's error code (0: created).</summary>
    public int TryCreateTopic(string name, int partitions, int replicationFactor) =>
        LibrdkafkaMock.TopicCreate(_cluster, name, partitions, replicationFactor);

    public void Dispose()
    {
        if (_cluster != IntPtr.Zero)
        {
            LibrdkafkaMock.ClusterDestroy(_cluster);
            _cluster = IntPtr.Zero;
        }
        if (_owner != IntPtr.Zero)
        {
            LibrdkafkaMock.KafkaDestroy(_owner);
            _owner = IntPtr.Zero;
        }
    }
}
