using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Sends through librdkafka's <c>rd_kafka_produceva</c> on the same client handle, with one cached topic handle per
/// topic. Confluent.Kafka 1.9 marshals the topic name and allocates per record; with three to five sends per input
/// record that was the largest single cost of the stream thread. Only for sends that need no delivery report and
/// carry no headers; everything else keeps using Confluent.Kafka. <see cref="TryCreate"/> returns null when the
/// native handle is out of reach or a second copy of librdkafka is mapped (the handle would not belong to it).
/// </summary>
internal sealed unsafe partial class NativeProduce : IDisposable
{
    private const string Lib = "librdkafka.so.1";
    private const int MsgFlagCopy = 0x2;
    private const int VtypeRkt = 2;
    private const int VtypePartition = 3;
    private const int VtypeValue = 4;
    private const int VtypeKey = 5;
    private const int VtypeMsgFlags = 7;
    private const int VtypeTimestamp = 8;

    // Kafka tells an empty key or value from a null one, but `fixed` gives null for an empty array.
    private static readonly IntPtr EmptyBytes = (IntPtr)NativeMemory.Alloc(1);

    private readonly IntPtr _rk;
    private readonly Dictionary<string, IntPtr> _topics = new(StringComparer.Ordinal);
    private bool _disposed;

    private NativeProduce(IntPtr rk) => _rk = rk;

    public static NativeProduce? TryCreate(IClient client)
    {
        try
        {
            if (!OneLibrdkafkaMapped())
            {
                return null;
            }
            var handle = client.Handle;
            var member = (object?)handle.GetType().GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                ?? handle.GetType().GetField("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            var safe = member switch
            {
                PropertyInfo p => p.GetValue(handle) as SafeHandle,
                FieldInfo f => f.GetValue(handle) as SafeHandle,
                _ => null,
            };
            var rk = safe?.DangerousGetHandle() ?? IntPtr.Zero;
            // The handle must name this client: rd_kafka_name is the client id plus "#producer-N".
            return rk != IntPtr.Zero && Marshal.PtrToStringUTF8(RdKafkaName(rk)) == client.Name ? new NativeProduce(rk) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MemberAccessException or IOException)
        {
            return null;
        }
    }

    /// <summary>Enqueues one record (copied by librdkafka). Throws <see cref="KafkaException"/> on a local error.</summary>
    public void Produce(string topic, int partition, byte[]? key, byte[]? value, long timestamp)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rkt = Topic(topic);
        var vus = stackalloc Vu[6];
        IntPtr error;
        fixed (byte* k = key, v = value)
        {
            vus[0] = new Vu { Type = VtypeRkt, Ptr = rkt };
            vus[1] = new Vu { Type = VtypePartition, I32 = partition };
            vus[2] = new Vu { Type = VtypeValue, Ptr = Pointer(value, v), Size = (nuint)(value?.Length ?? 0) };
            vus[3] = new Vu { Type = VtypeKey, Ptr = Pointer(key, k), Size = (nuint)(key?.Length ?? 0) };
            vus[4] = new Vu { Type = VtypeMsgFlags, I32 = MsgFlagCopy };
            vus[5] = new Vu { Type = VtypeTimestamp, I64 = timestamp };
            error = RdKafkaProduceva(_rk, vus, 6);
        }
        if (error != IntPtr.Zero)
        {
            var code = (ErrorCode)RdKafkaErrorCode(error);
            var reason = Marshal.PtrToStringUTF8(RdKafkaErrorString(error)) ?? code.ToString();
            RdKafkaErrorDestroy(error);
            throw new KafkaException(new Error(code, reason));
        }
    }

    /// <summary>Releases the topic handles; must run before the producer is disposed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var rkt in _topics.Values)
        {
            RdKafkaTopicDestroy(rkt);
        }
        _topics.Clear();
    }

    private static IntPtr Pointer(byte[]? bytes, byte* pinned) => bytes is null ? IntPtr.Zero : bytes.Length == 0 ? EmptyBytes : (IntPtr)pinned;

    private IntPtr Topic(string topic)
    {
        if (!_topics.TryGetValue(topic, out var rkt))
        {
            rkt = RdKafkaTopicNew(_rk, topic, IntPtr.Zero);
            if (rkt == IntPtr.Zero)
            {
                throw new KafkaException(new Error(ErrorCode.Local_UnknownTopic, $"librdkafka refused a handle for topic {topic}"));
            }
            _topics[topic] = rkt;
        }
        return rkt;
    }

    private static bool OneLibrdkafkaMapped()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return false;
        }
        // Load ours first, so both copies would show if Confluent.Kafka had loaded a different one.
        NativeLibrary.Load(Lib);
        var paths = File.ReadLines(maps, Encoding.UTF8)
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
            .Where(path => Path.GetFileName(path).StartsWith("librdkafka", StringComparison.Ordinal))
            .Select(path => Path.GetFullPath(path))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return paths.Count == 1;
    }

    /// <summary>rd_kafka_vu_t: a type tag, then a 64-byte union.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 72)]
    private struct Vu
    {
        [FieldOffset(0)] public int Type;
        [FieldOffset(8)] public IntPtr Ptr;
        [FieldOffset(8)] public int I32;
        [FieldOffset(8)] public long I64;
        [FieldOffset(16)] public nuint Size;
    }

    [LibraryImport(Lib, EntryPoint = "rd_kafka_produceva")]
    private static partial IntPtr RdKafkaProduceva(IntPtr rk, Vu* vus, nuint count);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_topic_new", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RdKafkaTopicNew(IntPtr rk, string topic, IntPtr conf);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_topic_destroy")]
    private static partial void RdKafkaTopicDestroy(IntPtr rkt);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_name")]
    private static partial IntPtr RdKafkaName(IntPtr rk);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_code")]
    private static partial int RdKafkaErrorCode(IntPtr error);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_string")]
    private static partial IntPtr RdKafkaErrorString(IntPtr error);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_destroy")]
    private static partial void RdKafkaErrorDestroy(IntPtr error);
}
