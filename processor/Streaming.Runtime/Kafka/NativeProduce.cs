using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Sends through librdkafka's <c>rd_kafka_produceva</c> on the same client handle, with one cached topic handle per
/// topic. Confluent.Kafka 1.9 marshals the topic name and allocates per record; with three to five sends per input
/// record that was the largest single cost of the stream thread. Only for sends that need no delivery report and
/// carry no headers; everything else keeps using Confluent.Kafka. <see cref="TryCreate"/> returns null when
/// <see cref="LibrdkafkaHandle"/> cannot reach the client's handle.
/// </summary>
internal sealed unsafe partial class NativeProduce : IDisposable
{
    private const string Lib = LibrdkafkaHandle.Lib;
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

    public static NativeProduce? TryCreate(IClient client) =>
        LibrdkafkaHandle.TryGet(client, out var rk) ? new NativeProduce(rk) : null;

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
            var requiresAbort = RdKafkaErrorTxnRequiresAbort(error) != 0;
            RdKafkaErrorDestroy(error);
            // An abortable transaction error (a send of this transaction failed) must abort and retry, not end the
            // thread: StreamsProducer classifies this exception as a task migration.
            throw requiresAbort ? new KafkaTxnRequiresAbortException(new Error(code, reason)) : new KafkaException(new Error(code, reason));
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

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_code")]
    private static partial int RdKafkaErrorCode(IntPtr error);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_string")]
    private static partial IntPtr RdKafkaErrorString(IntPtr error);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_txn_requires_abort")]
    private static partial int RdKafkaErrorTxnRequiresAbort(IntPtr error);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_error_destroy")]
    private static partial void RdKafkaErrorDestroy(IntPtr error);
}
