using Streaming.Sinks.S3;

namespace Streaming.Bench.Parquet;

/// <summary>
/// A storage whose "upload" moves the finished spool file into a folder: the write benchmark times Parquet.Net and the
/// sink's row buffering, not a copy with fsync that DuckDB's COPY does not do either.
/// </summary>
internal sealed class SpoolOnlyStorage(string folder) : IStorage
{
    public string Description => new Uri(folder).AbsoluteUri;

    public Task PutFileAsync(string key, string localPath, CancellationToken cancellationToken = default)
    {
        File.Move(localPath, Path.Combine(folder, Path.GetFileName(key)), overwrite: true);
        return Task.CompletedTask;
    }

    public Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(key)), bytes.ToArray(), cancellationToken);

    public Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult<byte[]?>(null);
}
