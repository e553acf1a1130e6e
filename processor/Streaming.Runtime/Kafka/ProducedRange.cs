namespace Streaming.Runtime;

/// <summary>Offsets [First, Last] a task wrote to one partition in one transaction, as delivery reports gave them.</summary>
internal sealed class ProducedRange
{
    public string Topic { get; set; } = "";

    public int Partition { get; set; }

    public long First { get; set; }

    public long Last { get; set; }

    public bool Contains(long offset) => offset >= First && offset <= Last;
}
