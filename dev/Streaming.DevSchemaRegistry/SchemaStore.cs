using System.Text.Json;

namespace Streaming.DevSchemaRegistry;

/// <summary>
/// The registry's state: every registered subject version, kept in memory and rewritten to one JSON file after each
/// registration (atomically, by rename), so ids survive a restart and every process of the dev stack shares them.
/// </summary>
/// <remarks>All members are thread-safe: request handlers run on the thread pool.</remarks>
public sealed class SchemaStore
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly List<SubjectVersion> _versions;

    // The normalized text of each version's schema, computed once: what "the same schema" means.
    private readonly Dictionary<SubjectVersion, string> _normalized = [];

    /// <summary>Loads <paramref name="path"/> when it exists; an empty registry otherwise.</summary>
    public SchemaStore(string path)
    {
        _path = path;
        _versions = File.Exists(path)
            ? JsonSerializer.Deserialize<List<SubjectVersion>>(File.ReadAllText(path)) ?? []
            : [];
        foreach (var version in _versions)
        {
            _normalized[version] = AvroSchemaText.Normalize(version.Schema);
        }
    }

    /// <summary>
    /// Registers <paramref name="schema"/> under <paramref name="subject"/>: an already registered schema (after
    /// parsing, so whitespace does not count) keeps its version, a schema new to the subject becomes its next version,
    /// and a schema known under any subject keeps its id. No compatibility check is made.
    /// </summary>
    /// <exception cref="RegistryException">42201 when Apache.Avro cannot parse the schema.</exception>
    public SubjectVersion Register(string subject, string schema)
    {
        var normalized = AvroSchemaText.Normalize(schema);
        lock (_lock)
        {
            var existing = _versions.FirstOrDefault(v => v.Subject == subject && _normalized[v] == normalized);
            if (existing is not null)
            {
                return existing;
            }
            var id = _versions.FirstOrDefault(v => _normalized[v] == normalized)?.Id
                ?? (_versions.Count == 0 ? 1 : _versions.Max(v => v.Id) + 1);
            var version = _versions.Where(v => v.Subject == subject).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
            var added = new SubjectVersion(subject, version, id, schema);
            _versions.Add(added);
            _normalized[added] = normalized;
            Save();
            return added;
        }
    }

    /// <summary>The version of <paramref name="subject"/> that holds <paramref name="schema"/>.</summary>
    /// <exception cref="RegistryException">40401 for an unknown subject, 40403 when the subject lacks the schema, 42201 for an invalid one.</exception>
    public SubjectVersion Lookup(string subject, string schema)
    {
        var normalized = AvroSchemaText.Normalize(schema);
        lock (_lock)
        {
            var versions = VersionsOf(subject);
            return versions.FirstOrDefault(v => _normalized[v] == normalized)
                ?? throw RegistryException.SchemaNotFound($"under subject '{subject}'");
        }
    }

    /// <summary>The schema text of an id.</summary>
    /// <exception cref="RegistryException">40403 for an unknown id.</exception>
    public string SchemaById(int id)
    {
        lock (_lock)
        {
            return _versions.FirstOrDefault(v => v.Id == id)?.Schema ?? throw RegistryException.SchemaNotFound($"id {id}");
        }
    }

    /// <summary>Every subject, in the order first registered.</summary>
    public IReadOnlyList<string> Subjects()
    {
        lock (_lock)
        {
            return _versions.Select(v => v.Subject).Distinct().ToList();
        }
    }

    /// <summary>A subject's versions, oldest first.</summary>
    /// <exception cref="RegistryException">40401 for an unknown subject.</exception>
    public IReadOnlyList<SubjectVersion> VersionsOf(string subject)
    {
        lock (_lock)
        {
            var versions = _versions.Where(v => v.Subject == subject).OrderBy(v => v.Version).ToList();
            return versions.Count > 0 ? versions : throw RegistryException.SubjectNotFound(subject);
        }
    }

    /// <summary>One version of a subject: a number, or <c>latest</c> (also <c>-1</c>, as the real registry accepts).</summary>
    /// <exception cref="RegistryException">40401 for an unknown subject, 40402 for an unknown version.</exception>
    public SubjectVersion Version(string subject, string version)
    {
        var versions = VersionsOf(subject);
        if (version is "latest" or "-1")
        {
            return versions[^1];
        }
        return int.TryParse(version, out var number) && versions.FirstOrDefault(v => v.Version == number) is { } found
            ? found
            : throw RegistryException.VersionNotFound(subject, version);
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_versions));
        File.Move(temporary, _path, overwrite: true);
    }
}
