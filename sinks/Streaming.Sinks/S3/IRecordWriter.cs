using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>
/// Writes the records of one output file (Confluent's RecordWriter): <see cref="Write"/> buffers,
/// <see cref="CommitAsync"/> finishes the file and uploads it, <see cref="Close"/> releases it without uploading.
/// </summary>
public interface IRecordWriter : IDisposable
{
    /// <summary>The object key the file is uploaded to.</summary>
    string Key { get; }

    /// <summary>Records written so far.</summary>
    long RecordCount { get; }

    /// <summary>
    /// The file size if finished now (give or take the footer). A function of the records written only (never of timing),
    /// so size-based rotation makes the same decisions on a replay.
    /// </summary>
    long EstimatedBytes { get; }

    /// <summary>Appends one record.</summary>
    void Write(SinkRecord record);

    /// <summary>
    /// Finishes the file (once) and uploads it. Retriable: after a <see cref="StorageException"/> the finished file is
    /// kept and a later call uploads it again.
    /// </summary>
    /// <returns>The uploaded size in bytes.</returns>
    Task<long> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases the file without uploading it (partition revoked, or shutdown without a flush).</summary>
    void Close();
}
