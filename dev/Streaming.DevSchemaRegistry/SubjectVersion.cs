namespace Streaming.DevSchemaRegistry;

/// <summary>One registered version of a subject: what the registry persists, one entry per registration.</summary>
/// <param name="Subject">The subject, e.g. <c>trips-value</c>.</param>
/// <param name="Version">1, 2, … within the subject.</param>
/// <param name="Id">The global schema id; the same schema has the same id under every subject.</param>
/// <param name="Schema">The schema text as first registered.</param>
public sealed record SubjectVersion(string Subject, int Version, int Id, string Schema);
