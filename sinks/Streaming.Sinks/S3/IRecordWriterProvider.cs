namespace Streaming.Sinks.S3;

/// <summary>Creates the <see cref="IRecordWriter"/> of one output file (Confluent's RecordWriterProvider).</summary>
public interface IRecordWriterProvider
{
    /// <summary>The file name extension, with the dot (".parquet").</summary>
    string Extension { get; }

    /// <summary>Creates the writer of the file stored at <paramref name="key"/>.</summary>
    IRecordWriter Create(string key);
}
