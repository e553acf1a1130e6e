namespace Streaming.Runtime;

/// <summary>A task: one partition of one sub-topology, written <c>{subtopology}_{partition}</c>.</summary>
public readonly record struct TaskId(int SubTopology, int Partition)
{
    /// <inheritdoc />
    public override string ToString() => $"{SubTopology}_{Partition}";

    /// <summary>Parses <c>"0_1"</c>.</summary>
    public static TaskId Parse(string text)
    {
        var sep = text.IndexOf('_');
        if (sep <= 0 || !int.TryParse(text[..sep], out var sub) || !int.TryParse(text[(sep + 1)..], out var partition))
        {
            throw new FormatException($"task id '{text}' is not of the form <subtopology>_<partition>.");
        }
        return new TaskId(sub, partition);
    }
}
