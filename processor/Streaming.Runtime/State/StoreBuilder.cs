namespace Streaming.Runtime;

/// <summary>Describes a store; the runtime builds one instance per task. Create with <see cref="Stores"/>.</summary>
public abstract class StoreBuilder
{
    private protected StoreBuilder(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("store name must not be empty.", nameof(name));
        }
        Name = name;
    }

    /// <summary>The store name.</summary>
    public string Name { get; }

    /// <summary>Whether writes go to the changelog (default true).</summary>
    public bool LoggingEnabled { get; private protected set; } = true;

    /// <summary>"KeyValueStore" or "WindowStore", for descriptions.</summary>
    internal abstract string Kind { get; }

    internal abstract IManagedStore Build();
}
