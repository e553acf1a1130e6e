using System.Collections.Concurrent;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.SchemaRegistry;

/// <summary>
/// An in-process schema registry for <c>mock://scope</c> URLs. Separate processes each have their own, so every
/// instance is seeded with the project schemas (<see cref="AvroSchemaFiles.All"/>) as ids 1..N in that fixed order:
/// the same schema has the same id in the producer, the processor and the sinks. A schema not in the seed gets the
/// next free id (per process). Schemas are identified by their Parsing Canonical Form.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class MockSchemaRegistry : ISchemaRegistry
{
    private static readonly ConcurrentDictionary<string, MockSchemaRegistry> s_scopes = new(StringComparer.Ordinal);

    private readonly object _lock = new();
    private readonly List<string> _schemasById = [];
    private readonly Dictionary<string, int> _idByCanonicalForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _versionsBySubject = new(StringComparer.Ordinal);

    /// <summary>Creates a registry seeded with the project schemas.</summary>
    public MockSchemaRegistry()
    {
        foreach (var schema in AvroSchemaFiles.All)
        {
            Add(schema);
        }
    }

    /// <summary>The registry of a scope (the part after <c>mock://</c>); one instance per scope per process.</summary>
    public static MockSchemaRegistry ForScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return s_scopes.GetOrAdd(scope, _ => new MockSchemaRegistry());
    }

    /// <summary>Number of registered schemas.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _schemasById.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<int> RegisterAsync(string subject, string schemaJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(schemaJson);
        int id;
        try
        {
            id = Add(schemaJson);
        }
        catch (AvroException ex)
        {
            throw new SchemaRegistryException($"schema for subject '{subject}' is invalid: {ex.Message}", ex) { StatusCode = 422 };
        }
        lock (_lock)
        {
            if (!_versionsBySubject.TryGetValue(subject, out var versions))
            {
                _versionsBySubject[subject] = versions = [];
            }
            if (!versions.Contains(id))
            {
                versions.Add(id);
            }
        }
        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return id >= 1 && id <= _schemasById.Count
                ? Task.FromResult(_schemasById[id - 1])
                : Task.FromException<string>(new SchemaNotRegisteredException(id));
        }
    }

    /// <summary>The ids registered under a subject, in registration order (the subject's versions).</summary>
    public IReadOnlyList<int> GetVersions(string subject)
    {
        lock (_lock)
        {
            return _versionsBySubject.TryGetValue(subject, out var versions) ? versions.ToArray() : [];
        }
    }

    private int Add(string schemaJson)
    {
        var canonical = AvroSchemaParser.Parse(schemaJson).CanonicalForm;
        lock (_lock)
        {
            if (_idByCanonicalForm.TryGetValue(canonical, out var existing))
            {
                return existing;
            }
            _schemasById.Add(schemaJson);
            var id = _schemasById.Count;
            _idByCanonicalForm[canonical] = id;
            return id;
        }
    }
}
