namespace Streaming.Runtime;

/// <summary>A state store owned by one task; its writes go to the changelog <c>{appId}-{name}-changelog</c>.</summary>
public interface IStateStore
{
    /// <summary>The store name, unique in the topology.</summary>
    string Name { get; }

    /// <summary>Entries held now (exact for the in-memory stores).</summary>
    long ApproximateNumEntries { get; }
}
