using System.Runtime.InteropServices;
using System.Text;

namespace Streaming.DevKafka;

/// <summary>
/// P/Invoke surface of librdkafka's mock cluster. <c>"librdkafka"</c> binds to the library the clients load
/// (<c>LibrdkafkaLoader.BindImportsOf</c> in Program.cs), so the broker runs the clients' librdkafka version.
/// Only the dev host uses it; the product talks to brokers through Confluent.Kafka.
/// </summary>
internal static partial class LibrdkafkaMock
{
    private const string Lib = "librdkafka";
    private const int RdKafkaProducer = 0;
    private const int ConfOk = 0;

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_new")]
    private static partial IntPtr ConfNew();

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_new")]
    private static partial IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_destroy")]
    internal static partial void KafkaDestroy(IntPtr rk);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void ClusterDestroy(IntPtr cluster);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    private static partial IntPtr ClusterBootstraps(IntPtr cluster);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TopicCreate(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_version_str")]
    private static partial IntPtr VersionString();

    [LibraryImport(Lib, EntryPoint = "rd_kafka_err2str")]
    private static partial IntPtr ErrorToString(int err);

    /// <summary>The mock cluster needs a client handle to own it; a bare producer handle is enough.</summary>
    internal static IntPtr CreateOwnerHandle()
    {
        var errstr = new byte[512];
        var conf = ConfNew();
        if (ConfSet(conf, "log_level", "3", errstr, (UIntPtr)errstr.Length) != ConfOk)
        {
            throw new InvalidOperationException(Decode(errstr));
        }
        var rk = KafkaNew(RdKafkaProducer, conf, errstr, (UIntPtr)errstr.Length);
        return rk != IntPtr.Zero ? rk : throw new InvalidOperationException("rd_kafka_new failed: " + Decode(errstr));
    }

    internal static string Version => Marshal.PtrToStringUTF8(VersionString()) ?? "unknown";

    internal static string Bootstraps(IntPtr cluster) => Marshal.PtrToStringUTF8(ClusterBootstraps(cluster)) ?? "";

    internal static string Describe(int err) => Marshal.PtrToStringUTF8(ErrorToString(err)) ?? $"error {err}";

    private static string Decode(byte[] errstr)
    {
        var end = Array.IndexOf(errstr, (byte)0);
        return Encoding.UTF8.GetString(errstr, 0, end < 0 ? errstr.Length : end);
    }
}
