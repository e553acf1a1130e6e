namespace Streaming.Contracts.Avro;

/// <summary>A parsed Avro schema. Parse with <see cref="AvroSchemaParser.Parse"/>.</summary>
public abstract class AvroSchema
{
    private protected AvroSchema(AvroType type, string? logicalType)
    {
        Type = type;
        LogicalType = logicalType;
    }

    /// <summary>The schema type.</summary>
    public AvroType Type { get; }

    /// <summary>The <c>logicalType</c> attribute (e.g. <c>timestamp-millis</c>), or null. Not part of the canonical form.</summary>
    public string? LogicalType { get; }

    /// <summary>The Parsing Canonical Form of this schema (Avro specification).</summary>
    public string CanonicalForm => _canonicalForm ??= SchemaCanonicalForm.Write(this);

    /// <summary>The CRC-64-AVRO (Rabin) fingerprint of <see cref="CanonicalForm"/>.</summary>
    public long Fingerprint => Crc64Avro.Fingerprint(CanonicalForm);

    private string? _canonicalForm;

    /// <summary>A short description for messages: the type name, or the full name of a named type.</summary>
    public override string ToString() => this is NamedSchema named ? named.FullName : Type.ToString().ToLowerInvariant();
}
