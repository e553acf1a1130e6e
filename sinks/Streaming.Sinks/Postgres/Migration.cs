namespace Streaming.Sinks.Postgres;

/// <summary>One versioned schema change, applied once in its own transaction.</summary>
/// <param name="Version">Strictly increasing version number.</param>
/// <param name="Description">What the migration does (stored in <c>schema_migrations</c>).</param>
/// <param name="Sql">The DDL.</param>
public sealed record Migration(int Version, string Description, string Sql);
