using Parquet;
using Parquet.Schema;

namespace Streaming.Sinks.S3;

/// <summary>
/// The values of one column for the row group being filled, kept as an array so the row group is written the way
/// Parquet.Net takes it: one <c>WriteAsync(field, column array)</c> per column.
/// </summary>
internal abstract class ColumnBuffer
{
    protected ColumnBuffer(DataField field) => Field = field;

    /// <summary>The column.</summary>
    public DataField Field { get; }

    /// <summary>Values buffered.</summary>
    public int Count { get; protected set; }

    /// <summary>The PLAIN-encoded size of the buffered values, before compression (deterministic: values only).</summary>
    public long EstimatedBytes { get; protected set; }

    /// <summary>Appends the column's value of <paramref name="row"/>.</summary>
    public abstract void Append(object row);

    /// <summary>Drops values past <paramref name="count"/> (a row that failed half-way).</summary>
    public abstract void Truncate(int count);

    /// <summary>Writes the buffered values as this column's chunk of <paramref name="rowGroup"/>, then empties the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);
}

/// <summary>A <see cref="ColumnBuffer"/> of <typeparamref name="TValue"/> values read from <typeparamref name="TRow"/> rows.</summary>
internal sealed class ColumnBuffer<TRow, TValue> : ColumnBuffer
{
    private readonly Func<TRow, TValue> _get;
    private readonly Func<TValue, int> _size;
    private readonly Func<ParquetRowGroupWriter, DataField, ArraySegment<TValue>, CancellationToken, Task> _write;
    private TValue[] _values = new TValue[1024];

    /// <param name="field">The column.</param>
    /// <param name="get">Reads the value from a row; may throw (then nothing is appended).</param>
    /// <param name="size">PLAIN-encoded bytes of a value.</param>
    /// <param name="write">The Parquet.Net call that writes a column array of this type.</param>
    public ColumnBuffer(DataField field, Func<TRow, TValue> get, Func<TValue, int> size,
        Func<ParquetRowGroupWriter, DataField, ArraySegment<TValue>, CancellationToken, Task> write)
        : base(field)
    {
        _get = get;
        _size = size;
        _write = write;
    }

    public override void Append(object row)
    {
        var value = _get((TRow)row);
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }
        _values[Count++] = value;
        EstimatedBytes += _size(value);
    }

    public override void Truncate(int count)
    {
        for (var i = count; i < Count; i++)
        {
            EstimatedBytes -= _size(_values[i]);
            _values[i] = default!;
        }
        Count = Math.Min(Count, count);
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await _write(rowGroup, Field, new ArraySegment<TValue>(_values, 0, Count), cancellationToken).ConfigureAwait(false);
        // Release the strings and byte arrays of the written rows.
        Array.Clear(_values, 0, Count);
        Count = 0;
        EstimatedBytes = 0;
    }
}
