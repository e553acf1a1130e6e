namespace Streaming.Sinks.S3;

/// <summary>
/// The <c>file://</c> destination: the same layout as S3 under a local folder. Every put writes a temporary file next to
/// the target and renames it over the target, so a crash leaves the old file or the new one, never a torn one.
/// </summary>
public sealed class LocalFileStorage : IStorage
{
    private readonly string _root;

    /// <summary>Creates the storage under <paramref name="root"/> (created when missing).</summary>
    public LocalFileStorage(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public string Description => new Uri(_root).AbsoluteUri;

    /// <inheritdoc />
    public async Task PutFileAsync(string key, string localPath, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        await ReplaceAsync(key, target, async temp =>
        {
            await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await source.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            output.Flush(flushToDisk: true);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var target = Resolve(key);
        await ReplaceAsync(key, target, async temp =>
        {
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            output.Flush(flushToDisk: true);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = Resolve(key);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException ex)
        {
            throw new StorageException(key, $"Reading '{path}' failed: {ex.Message}", ex);
        }
    }

    private static async Task ReplaceAsync(string key, string target, Func<string, Task> writeTemp)
    {
        // The temporary name starts with '.', so globs like **/*.parquet and Athena never pick up a half-written file.
        var temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await writeTemp(temp).ConfigureAwait(false);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new StorageException(key, $"Writing '{target}' failed: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private string Resolve(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var full = Path.GetFullPath(Path.Combine(_root, key));
        // Keys are built from sanitised segments; this is the last line of defence against a key leaving the root.
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Key '{key}' resolves outside the destination root '{_root}'.", nameof(key));
        }
        return full;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
