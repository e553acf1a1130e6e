namespace Streaming.Contracts.Avro.Codecs;

/// <summary>A hand-written Avro binary codec for one domain type, fixed to one schema.</summary>
/// <typeparam name="T">The domain type.</typeparam>
public interface IAvroCodec<T>
{
    /// <summary>The schema JSON the codec writes and reads (registered with the schema registry).</summary>
    string SchemaJson { get; }

    /// <summary>The parsed schema.</summary>
    AvroSchema Schema { get; }

    /// <summary>Writes one value.</summary>
    /// <exception cref="AvroException">A required field is null or a value is out of range; the message names the field.</exception>
    void Write(AvroWriter writer, T value);

    /// <summary>Reads one value.</summary>
    /// <exception cref="AvroException">The bytes are not a valid encoding; the message names the field and offset.</exception>
    T Read(ref AvroReader reader);
}
