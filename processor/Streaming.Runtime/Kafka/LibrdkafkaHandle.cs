using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// The native <c>rd_kafka_t</c> behind a Confluent.Kafka client, for the hot paths that call librdkafka directly
/// (<see cref="NativeProduce"/>, <see cref="NativeConsume"/>). Only handed out when exactly one librdkafka is mapped
/// into the process: a handle must never be passed to a second copy of the library.
/// </summary>
public static partial class LibrdkafkaHandle
{
    /// <summary>The librdkafka shared library every P/Invoke here binds to.</summary>
    public const string Lib = "librdkafka.so.1";

    // Which libraries are mapped does not change once Confluent.Kafka has loaded its own: scan once per process.
    private static readonly Lazy<bool> SingleCopyMapped = new(OneLibrdkafkaMapped);

    /// <summary>
    /// The <c>rd_kafka_t</c> of <paramref name="client"/>; false when it cannot be used safely (more than one
    /// librdkafka mapped, no handle found by reflection, or the handle's name is not the client's).
    /// </summary>
    public static bool TryGet(IClient client, out IntPtr rk)
    {
        rk = IntPtr.Zero;
        try
        {
            if (!SingleCopyMapped.Value)
            {
                return false;
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
            var pointer = safe?.DangerousGetHandle() ?? IntPtr.Zero;
            // The handle must name this client: rd_kafka_name is the client id plus "#producer-N" or "#consumer-N".
            if (pointer == IntPtr.Zero || Marshal.PtrToStringUTF8(RdKafkaName(pointer)) != client.Name)
            {
                return false;
            }
            rk = pointer;
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MemberAccessException or IOException)
        {
            return false;
        }
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
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return paths.Count == 1;
    }

    [LibraryImport(Lib, EntryPoint = "rd_kafka_name")]
    private static partial IntPtr RdKafkaName(IntPtr rk);
}
