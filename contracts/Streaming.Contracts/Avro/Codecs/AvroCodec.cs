using System.Buffers;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>
/// Base of the typed codecs: schema loading, and whole-payload <see cref="Encode(T)"/>/<see cref="Decode"/> over a
/// per-thread reusable buffer.
/// </summary>
/// <typeparam name="T">The domain type.</typeparam>
public abstract class AvroCodec<T> : IAvroCodec<T>
{
    private protected AvroCodec(string schemaJson)
    {
        SchemaJson = schemaJson;
        Schema = AvroSchemaParser.Parse(schemaJson);
    }

    /// <inheritdoc />
    public string SchemaJson { get; }

    /// <inheritdoc />
    public AvroSchema Schema { get; }

    /// <inheritdoc />
    public abstract void Write(AvroWriter writer, T value);

    /// <inheritdoc />
    public abstract T Read(ref AvroReader reader);

    /// <summary>Encodes one value to a new array (the buffer behind it is reused per thread).</summary>
    /// <exception cref="AvroException">A required field is null; the message names it.</exception>
    public byte[] Encode(T value)
    {
        var buffer = ReusableBuffer.Rent();
        try
        {
            Write(new AvroWriter(buffer), value);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            ReusableBuffer.Return(buffer);
        }
    }

    /// <summary>Encodes one value, appending to <paramref name="output"/>.</summary>
    public void Encode(T value, IBufferWriter<byte> output) => Write(new AvroWriter(output), value);

    /// <summary>Decodes one value; every byte must be consumed.</summary>
    /// <exception cref="AvroException">The bytes are not exactly one valid encoding.</exception>
    public T Decode(ReadOnlySpan<byte> data)
    {
        var reader = new AvroReader(data);
        var value = Read(ref reader);
        reader.EnsureEnd(Schema.ToString());
        return value;
    }

    /// <summary>Throws when a required string is null.</summary>
    private protected static string Required(string? value, string field) =>
        value ?? throw new AvroException($"{field} is null, but the schema requires a string.");

    /// <summary>Writes an optional string as the union ["null","string"].</summary>
    private protected static void WriteOptionalString(AvroWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteUnionIndex(0);
        }
        else
        {
            writer.WriteUnionIndex(1);
            writer.WriteString(value);
        }
    }

    /// <summary>Reads the union ["null","string"].</summary>
    private protected static string? ReadOptionalString(ref AvroReader reader, string field) =>
        reader.ReadUnionIndex(field, 2) == 0 ? null : reader.ReadString(field);

    /// <summary>Writes optional bytes as the union ["null","bytes"].</summary>
    private protected static void WriteOptionalBytes(AvroWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteUnionIndex(0);
        }
        else
        {
            writer.WriteUnionIndex(1);
            writer.WriteBytes(value);
        }
    }

    /// <summary>Reads the union ["null","bytes"].</summary>
    private protected static byte[]? ReadOptionalBytes(ref AvroReader reader, string field) =>
        reader.ReadUnionIndex(field, 2) == 0 ? null : reader.ReadBytes(field);
}
