using System.Runtime.CompilerServices;
using Avro.Util;

namespace Streaming.Contracts.AvroRecords;

/// <summary>
/// Registers the project's logical types with Apache.Avro's <see cref="LogicalTypeFactory"/>, the library's extension
/// point for them. The factory is process-wide and consulted when a schema is parsed, so this runs when this assembly
/// loads, before any of its schemas are parsed; every Avro reader and writer in the process (Apache.Avro's and
/// Confluent's serdes alike) then reads and writes <c>timestamp-millis</c> as epoch-millisecond longs.
/// </summary>
public static class AvroLogicalTypes
{
    [ModuleInitializer]
    internal static void RegisterOnLoad() => Register();

    /// <summary>Registers <see cref="EpochMillisTimestamp"/> for <c>timestamp-millis</c>; calling it again changes nothing.</summary>
    public static void Register() => LogicalTypeFactory.Instance.Register(new EpochMillisTimestamp());
}
