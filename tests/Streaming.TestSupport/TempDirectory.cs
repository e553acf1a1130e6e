namespace Streaming.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted with its files on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <param name="stem">The start of the folder's name, so leftovers say which tests made them.</param>
    public TempDirectory(string stem = "streaming-tests")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), stem + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not change any result.
        }
    }
}
