using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;

namespace Streaming.TestSupport;

/// <summary>The contract serdes over the dev Schema Registry, one set per test process (its client caches ids).</summary>
public static class DevRegistry
{
    private static readonly Lazy<AvroSerdes> s_serdes = new(() => new AvroSerdes(Settings));

    public static SchemaRegistrySettings Settings => new() { Url = DevStack.SchemaRegistryUrl };

    public static AvroSerdes Serdes => s_serdes.Value;
}
