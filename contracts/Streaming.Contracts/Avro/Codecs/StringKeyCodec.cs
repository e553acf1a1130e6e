using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of Avro <c>"string"</c>, for record keys framed in the Confluent wire format.</summary>
public sealed class StringKeyCodec : AvroCodec<string>
{
    /// <summary>The shared instance.</summary>
    public static StringKeyCodec Instance { get; } = new();

    private StringKeyCodec()
        : base(AvroSchemaFiles.StringKey)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(Required(value, "key"));
    }

    /// <inheritdoc />
    public override string Read(ref AvroReader reader) => reader.ReadString("key");
}
