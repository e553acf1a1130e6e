namespace Streaming.Contracts.Events;

/// <summary>
/// A source record that failed decoding or validation (topics <c>trips.rejected</c>, <c>messages.rejected</c>, <c>sink.rejected</c>),
/// keyed by the source key.
/// </summary>
/// <param name="SourceTopic">Topic the record was read from.</param>
/// <param name="SourcePartition">Partition the record was read from.</param>
/// <param name="SourceOffset">Offset of the record in its partition.</param>
/// <param name="Reason">Reason code, one of <see cref="RejectReasons"/>.</param>
/// <param name="Detail">Human-readable detail naming the field and the offending value.</param>
/// <param name="RawKey">The raw key bytes, or null when the record had no key.</param>
/// <param name="RawValue">The raw value bytes, or null when the record had no value.</param>
/// <remarks>Equality compares <see cref="RawKey"/> and <see cref="RawValue"/> by content.</remarks>
public sealed record Rejected(
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string Reason,
    string Detail,
    byte[]? RawKey,
    byte[]? RawValue)
{
    /// <inheritdoc />
    public bool Equals(Rejected? other) =>
        other is not null
        && SourceTopic == other.SourceTopic
        && SourcePartition == other.SourcePartition
        && SourceOffset == other.SourceOffset
        && Reason == other.Reason
        && Detail == other.Detail
        && ValueEquality.BytesEqual(RawKey, other.RawKey)
        && ValueEquality.BytesEqual(RawValue, other.RawValue);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(SourceTopic, SourcePartition, SourceOffset, Reason, Detail, ValueEquality.BytesHash(RawKey), ValueEquality.BytesHash(RawValue));
}
