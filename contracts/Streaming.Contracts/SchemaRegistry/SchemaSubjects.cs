namespace Streaming.Contracts.SchemaRegistry;

/// <summary>Subject names (Confluent TopicNameStrategy).</summary>
public static class SchemaSubjects
{
    /// <summary>The subject of a topic's values (<c>{topic}-value</c>) or keys (<c>{topic}-key</c>).</summary>
    public static string For(string topic, bool isKey = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return topic + (isKey ? "-key" : "-value");
    }
}
