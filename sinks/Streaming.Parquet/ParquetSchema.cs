namespace Streaming.Parquet;

/// <summary>A flat Parquet schema: an ordered list of uniquely named columns.</summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a schema; column names must be non-empty and unique (ordinal comparison).</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated, or there are no columns.</exception>
    public ParquetSchema(IEnumerable<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns.ToArray();
        if (Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet schema needs at least one column.", nameof(columns));
        }
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (string.IsNullOrEmpty(column.Name))
            {
                throw new ArgumentException($"Column {i} has an empty name.", nameof(columns));
            }
            if (!Enum.IsDefined(column.Type))
            {
                throw new ArgumentException($"Column '{column.Name}' has unknown type {(int)column.Type}.", nameof(columns));
            }
            if (!_indexByName.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Column name '{column.Name}' appears more than once.", nameof(columns));
            }
        }
    }

    /// <summary>Creates a schema from the given columns.</summary>
    public ParquetSchema(params ParquetColumn[] columns)
        : this((IEnumerable<ParquetColumn>)columns)
    {
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;
}
