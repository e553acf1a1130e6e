using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Polls a Confluent.Kafka consumer's handle through librdkafka's <c>rd_kafka_consumer_poll</c>. Confluent.Kafka 1.9
/// marshals the message struct by reflection and allocates a topic string, a result and a message per record; here a
/// record costs its key and value copies. Rebalance callbacks still reach the Confluent.Kafka handlers: librdkafka
/// calls them from inside the poll, whoever polls.
/// </summary>
public sealed unsafe partial class NativeConsume
{
    private const string Lib = LibrdkafkaHandle.Lib;
    private const int ErrPartitionEof = -191;
    private const int ErrNoError = 0;

    private readonly IntPtr _rk;
    private readonly Dictionary<IntPtr, (byte[] Utf8, string Name)> _topics = new();

    private NativeConsume(IntPtr rk) => _rk = rk;

    /// <summary>
    /// The native poller over <paramref name="consumer"/>'s own handle, or null when the handle cannot be used safely
    /// (no single librdkafka mapped, or the handle does not name this client); callers then use <c>Consume</c>.
    /// </summary>
    public static NativeConsume? TryCreate(IClient consumer) =>
        LibrdkafkaHandle.TryGet(consumer, out var rk) ? new NativeConsume(rk) : null;

    /// <summary>The next record or end-of-partition event; null when none arrived within the timeout.</summary>
    /// <exception cref="KafkaException">librdkafka returned a consumer error for a partition.</exception>
    public PolledRecord? Poll(int timeoutMs)
    {
        var pointer = RdKafkaConsumerPoll(_rk, timeoutMs);
        if (pointer == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            var message = (RdKafkaMessage*)pointer;
            var topic = message->Rkt == IntPtr.Zero ? "" : TopicName(message->Rkt);
            if (message->Err == ErrPartitionEof)
            {
                return new PolledRecord(topic, message->Partition, message->Offset, true, -1, null, null, null);
            }
            if (message->Err != ErrNoError)
            {
                var code = (ErrorCode)message->Err;
                var reason = message->Payload != IntPtr.Zero && message->Len > 0
                    ? Marshal.PtrToStringUTF8(message->Payload, (int)message->Len)
                    : Marshal.PtrToStringUTF8(RdKafkaErr2Str(message->Err));
                throw new KafkaException(new Error(code, $"{topic}[{message->Partition}]: {reason}"));
            }
            var timestamp = RdKafkaMessageTimestamp(pointer, out _);
            return new PolledRecord(topic, message->Partition, message->Offset, false, timestamp,
                Copy(message->Key, message->KeyLen), Copy(message->Payload, message->Len), HeadersOf(pointer));
        }
        finally
        {
            RdKafkaMessageDestroy(pointer);
        }
    }

    private static byte[]? Copy(IntPtr data, nuint length) =>
        data == IntPtr.Zero ? null : new ReadOnlySpan<byte>((void*)data, checked((int)length)).ToArray();

    private static Headers? HeadersOf(IntPtr message)
    {
        if (RdKafkaMessageHeaders(message, out var headers) != ErrNoError || headers == IntPtr.Zero)
        {
            return null;
        }
        var count = (int)RdKafkaHeaderCnt(headers);
        var result = new Headers();
        for (nuint i = 0; i < (nuint)count; i++)
        {
            if (RdKafkaHeaderGetAll(headers, i, out var name, out var value, out var size) == ErrNoError)
            {
                result.Add(Marshal.PtrToStringUTF8(name) ?? "", Copy(value, size));
            }
        }
        return result;
    }

    // Topic handles live as long as the client knows the topic; compare the name bytes so a freed and reused handle
    // address can never return another topic's name.
    private string TopicName(IntPtr rkt)
    {
        var name = RdKafkaTopicName(rkt);
        var bytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)name);
        if (_topics.TryGetValue(rkt, out var cached) && bytes.SequenceEqual(cached.Utf8))
        {
            return cached.Name;
        }
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        _topics[rkt] = (bytes.ToArray(), text);
        return text;
    }

    /// <summary>rd_kafka_message_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RdKafkaMessage
    {
        public int Err;
        public IntPtr Rkt;
        public int Partition;
        public IntPtr Payload;
        public nuint Len;
        public IntPtr Key;
        public nuint KeyLen;
        public long Offset;
        public IntPtr Private;
    }

    [LibraryImport(Lib, EntryPoint = "rd_kafka_consumer_poll")]
    private static partial IntPtr RdKafkaConsumerPoll(IntPtr rk, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_message_destroy")]
    private static partial void RdKafkaMessageDestroy(IntPtr message);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_message_timestamp")]
    private static partial long RdKafkaMessageTimestamp(IntPtr message, out int type);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_message_headers")]
    private static partial int RdKafkaMessageHeaders(IntPtr message, out IntPtr headers);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_header_cnt")]
    private static partial nuint RdKafkaHeaderCnt(IntPtr headers);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_header_get_all")]
    private static partial int RdKafkaHeaderGetAll(IntPtr headers, nuint index, out IntPtr name, out IntPtr value, out nuint size);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_topic_name")]
    private static partial IntPtr RdKafkaTopicName(IntPtr rkt);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_err2str")]
    private static partial IntPtr RdKafkaErr2Str(int err);
}
