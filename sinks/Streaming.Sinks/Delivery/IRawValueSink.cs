
namespace Streaming.Sinks.Delivery;

/// <summary>
/// A sink that turns the Avro payloads of some topics straight into its own output format, without building decoded
/// objects first. For those topics <see cref="DeliveryLoop"/> checks only the Confluent wire-format header and the
/// schema id (through <see cref="RecordDecoder.TryCheckFrame"/>) and hands the record to <see cref="AppendRaw"/>.
/// </summary>
/// <remarks>Called on the loop's thread, like every <see cref="ISink"/> member.</remarks>
public interface IRawValueSink : ISink
{
    /// <summary>Whether values of <paramref name="topic"/> go to <see cref="AppendRaw"/> instead of <see cref="ISink.Append"/>.</summary>
    bool TakesRawValues(string topic);

    /// <summary>
    /// Buffers a consumed record from its framed value (header already checked). On failure nothing is buffered.
    /// </summary>
    /// <exception cref="Streaming.Contracts.Serialization.RecordDecodeException">
    /// The payload does not decode with the topic's schema (reason <c>undecodable</c>); the loop rejects the record.
    /// </exception>
    void AppendRaw(in PolledRecord record, int schemaId);
}
