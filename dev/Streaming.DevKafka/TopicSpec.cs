namespace Streaming.DevKafka;

/// <summary>One line of the topics file: <c>name partitions</c>. Blank lines and # comments are ignored.</summary>
internal sealed record TopicSpec(string Name, int Partitions)
{
    public static IReadOnlyList<TopicSpec> ReadFile(string path)
    {
        var specs = new List<TopicSpec>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], out var partitions) || partitions < 1)
            {
                throw new FormatException($"{path}:{lineNo}: expected 'topic-name partition-count', got '{raw}'.");
            }
            specs.Add(new TopicSpec(parts[0], partitions));
        }
        return specs;
    }
}
