using System.Text.Json;

namespace Streaming.Contracts.Avro;

/// <summary>A field of a record schema.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Schema">Field schema.</param>
/// <param name="Position">Zero-based position in the record.</param>
/// <param name="Default">The JSON default value, when declared.</param>
public sealed record RecordField(string Name, AvroSchema Schema, int Position, JsonElement? Default = null);
