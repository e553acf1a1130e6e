namespace Streaming.Contracts.Avro;

/// <summary>A union schema; the encoded value is the branch index then the value.</summary>
public sealed class UnionSchema : AvroSchema
{
    /// <summary>Creates a union schema.</summary>
    /// <exception cref="AvroException">A branch is itself a union, or two branches have the same type (or the same name, for named types).</exception>
    public UnionSchema(IReadOnlyList<AvroSchema> branches)
        : base(AvroType.Union, null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            if (branch.Type == AvroType.Union)
            {
                throw new AvroException("a union may not immediately contain another union.");
            }
            var key = branch is NamedSchema named ? named.FullName : branch.Type.ToString();
            if (!seen.Add(key))
            {
                throw new AvroException($"union declares branch '{branch}' twice.");
            }
        }
        Branches = branches;
    }

    /// <summary>The branches in declaration order.</summary>
    public IReadOnlyList<AvroSchema> Branches { get; }
}
