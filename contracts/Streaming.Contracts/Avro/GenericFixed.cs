namespace Streaming.Contracts.Avro;

/// <summary>A fixed value of the generic datum model.</summary>
/// <param name="Schema">The fixed schema.</param>
/// <param name="Bytes">Exactly <see cref="FixedSchema.Size"/> bytes.</param>
public sealed record GenericFixed(FixedSchema Schema, byte[] Bytes)
{
    /// <inheritdoc />
    public bool Equals(GenericFixed? other) =>
        other is not null && other.Schema.FullName == Schema.FullName && other.Bytes.AsSpan().SequenceEqual(Bytes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Schema.FullName, Bytes.Length);

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexString(Bytes);
}
