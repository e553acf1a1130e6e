namespace Streaming.Producer.Replay;

/// <summary>
/// The rejects file of a replay: <c>{input}.rejects</c> next to the input, one line per rejected row,
/// <c>line {n}: {reason}</c>. It is created on the first reject; a stale one from an earlier run is removed at start.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private StreamWriter? _writer;

    /// <summary>Prepares the rejects file of an input file (removing an old one).</summary>
    public RejectsFile(string inputPath)
    {
        Path = inputPath + ".rejects";
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }

    /// <summary>The rejects file path.</summary>
    public string Path { get; }

    /// <summary>Number of rows rejected.</summary>
    public long Count { get; private set; }

    /// <summary>Records a rejected row.</summary>
    public void Add(int line, string reason)
    {
        _writer ??= new StreamWriter(Path, append: false) { NewLine = "\n" };
        _writer.WriteLine($"line {line}: {reason.ReplaceLineEndings(" ")}");
        Count++;
    }

    /// <inheritdoc />
    public void Dispose() => _writer?.Dispose();
}
