namespace Streaming.Contracts.Avro;

/// <summary>
/// Avro data or schema is invalid: a malformed schema, a value that does not fit its schema, or bytes that cannot be
/// decoded (truncated input, an over-long varint, a length beyond the input, a bad union or enum index).
/// </summary>
/// <remarks>
/// Category: data error. For input bytes it means the record is undecodable (reason <c>undecodable</c>); the message
/// names the field and the byte offset.
/// </remarks>
public sealed class AvroException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AvroException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AvroException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a decoding error for a field at a byte offset.</summary>
    public AvroException(string field, int offset, string problem)
        : base($"cannot decode field '{field}' at byte offset {offset}: {problem}")
    {
        Field = field;
        Offset = offset;
    }

    /// <summary>The field being decoded, when known.</summary>
    public string? Field { get; }

    /// <summary>The byte offset in the Avro payload where decoding failed, or -1.</summary>
    public int Offset { get; } = -1;
}
