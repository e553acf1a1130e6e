namespace Streaming.Contracts.Avro;

/// <summary>An enum schema.</summary>
public sealed class EnumSchema : NamedSchema
{
    private readonly Dictionary<string, int> _indexBySymbol;

    /// <summary>Creates an enum schema.</summary>
    /// <exception cref="AvroException">A symbol repeats.</exception>
    public EnumSchema(string name, string? space, IReadOnlyList<string> symbols, string? defaultSymbol = null, string? logicalType = null)
        : base(AvroType.Enum, name, space, logicalType)
    {
        Symbols = symbols;
        DefaultSymbol = defaultSymbol;
        _indexBySymbol = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!_indexBySymbol.TryAdd(symbols[i], i))
            {
                throw new AvroException($"enum {FullName} declares symbol '{symbols[i]}' twice.");
            }
        }
    }

    /// <summary>The symbols in declaration order; the index is the encoded value.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The declared default symbol, or null.</summary>
    public string? DefaultSymbol { get; }

    /// <summary>The index of a symbol, or -1.</summary>
    public int IndexOf(string symbol) => _indexBySymbol.GetValueOrDefault(symbol, -1);
}
