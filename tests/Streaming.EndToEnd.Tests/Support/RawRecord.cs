namespace Streaming.EndToEnd.Tests.Support;

/// <summary>One record read back from a topic, undecoded.</summary>
public sealed record RawRecord(int Partition, long Offset, byte[]? Key, byte[]? Value)
{
    public string KeyText => Key is null ? "<null>" : System.Text.Encoding.UTF8.GetString(Key);
}
