namespace Streaming.Runtime;

/// <summary>A topic named in a topology: an external topic, or an internal repartition topic resolved with the application id.</summary>
internal readonly record struct TopicRef(string Name, bool IsRepartition)
{
    /// <summary>The actual topic: <c>{appId}-{name}-repartition</c> for internal topics.</summary>
    public string Resolve(string applicationId) => IsRepartition ? RepartitionTopicName(applicationId, Name) : Name;

    public static string RepartitionTopicName(string applicationId, string name) => $"{applicationId}-{name}-repartition";

    public override string ToString() => IsRepartition ? $"{Name}-repartition" : Name;
}
