using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>Creates the <see cref="IRecordWriter"/> of one output file (Confluent's RecordWriterProvider).</summary>
public interface IRecordWriterProvider
{
    /// <summary>The file name extension, with the dot (".parquet").</summary>
    string Extension { get; }

    /// <summary>
    /// Checks that <paramref name="record"/> can be written, before the partition writer changes any state for it (stream
    /// time, open files), so a record no file can hold is rejected whole.
    /// </summary>
    /// <exception cref="Streaming.Contracts.Serialization.RecordDecodeException">A value the format cannot hold; the message names the field.</exception>
    void Check(SinkRecord record);

    /// <summary>Creates the writer of the file stored at <paramref name="key"/>.</summary>
    IRecordWriter Create(string key);
}
