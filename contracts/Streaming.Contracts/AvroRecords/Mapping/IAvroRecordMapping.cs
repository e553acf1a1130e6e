using Avro.Specific;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary>
/// Maps a contract type (<c>Streaming.Contracts.Events</c>) to and from its generated Avro record
/// (<c>streaming.*</c>), exactly: timestamps stay UTC epoch milliseconds, enums map symbol for symbol, null optionals stay null.
/// </summary>
/// <typeparam name="TDomain">The contract type callers use.</typeparam>
/// <typeparam name="TRecord">The generated <see cref="ISpecificRecord"/> Apache.Avro reads and writes.</typeparam>
public interface IAvroRecordMapping<TDomain, TRecord>
    where TRecord : ISpecificRecord, new()
{
    /// <summary>The Avro record of a contract value.</summary>
    TRecord ToRecord(TDomain value);

    /// <summary>The contract value of a decoded Avro record.</summary>
    TDomain FromRecord(TRecord record);
}
