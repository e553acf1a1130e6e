using System.Text.Json.Serialization;

namespace Streaming.DevSchemaRegistry;

/// <summary>The body of a register or lookup request, as Confluent's client sends it.</summary>
public sealed class RegisterRequest
{
    [JsonPropertyName("schema")]
    public string? Schema { get; set; }

    /// <summary>AVRO when absent, as in the real registry.</summary>
    [JsonPropertyName("schemaType")]
    public string? SchemaType { get; set; }

    [JsonPropertyName("references")]
    public List<object>? References { get; set; }
}
