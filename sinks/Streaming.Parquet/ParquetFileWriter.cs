using System.Text;
using Streaming.Parquet.Columns;
using Streaming.Parquet.Encodings;
using Streaming.Parquet.Format;

namespace Streaming.Parquet;

/// <summary>
/// Writes one Parquet file to a stream, row by row. Set each column of a row with the typed setters
/// (<see cref="SetInt64"/>, <see cref="SetString"/>, ...; an optional column left unset is null), then call
/// <see cref="EndRow"/> or <see cref="EndRowAsync"/>. Rows are encoded into pages as they arrive; once the
/// row group's encoded size reaches <see cref="ParquetWriterOptions.RowGroupSizeBytes"/> it is written to the
/// stream, so memory stays bounded by the row-group size. <see cref="CompleteAsync"/> writes the last row
/// group and the footer; disposing without completing leaves an unfinished file.
/// </summary>
/// <remarks>
/// Not thread-safe: one thread at a time. The writer does not own the stream and never disposes it.
/// A rejected value or row throws <see cref="ParquetException"/> and discards the row being built;
/// the writer stays usable. A failed stream write marks the writer broken.
/// </remarks>
public sealed class ParquetFileWriter : IAsyncDisposable, IDisposable
{
    private const string CreatedByName = "streaming-parquet";
    private static readonly byte[] s_magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnWriter[] _columns;
    private readonly ParquetColumnType[] _types;
    private readonly List<RowGroupMetadata> _rowGroups = [];
    private WriterState _state = WriterState.Open;
    private bool _magicWritten;
    private long _rowCount;
    private long _bufferedRows;
    private long _bytesWritten;

    /// <summary>Creates a writer that writes to <paramref name="output"/>, starting at its current position.</summary>
    /// <exception cref="ArgumentException">The stream is not writable.</exception>
    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }
        _output = output;
        Schema = schema;
        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        _columns = schema.Columns.Select(CreateColumnWriter).ToArray();
        _types = schema.Columns.Select(c => c.Type).ToArray();
    }

    private enum WriterState
    {
        Open,
        Completed,
        Broken,
        Disposed,
    }

    /// <summary>The schema being written.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows accepted so far, written or buffered.</summary>
    public long RowCount => _rowCount;

    /// <summary>Rows buffered in the current, unwritten row group.</summary>
    public long BufferedRowCount => _bufferedRows;

    /// <summary>Row groups written to the stream so far.</summary>
    public int RowGroupCount => _rowGroups.Count;

    /// <summary>Bytes written to the stream so far (magic, row groups and, once completed, the footer).</summary>
    public long BytesWritten => _bytesWritten;

    /// <summary>
    /// Encoded bytes held for the current row group (finished pages, dictionaries and the open pages'
    /// estimated size). Always below <see cref="ParquetWriterOptions.RowGroupSizeBytes"/> between rows.
    /// </summary>
    public long BufferedBytes
    {
        get
        {
            long total = 0;
            foreach (var column in _columns)
            {
                total += column.BufferedBytes;
            }
            return total;
        }
    }

    /// <summary>The file size if completed now, give or take the footer: what a size-based rotation should look at.</summary>
    public long EstimatedFileSize => Math.Max(_bytesWritten, s_magic.Length) + BufferedBytes + 8;

    /// <summary>Sets a BOOLEAN column of the current row.</summary>
    public void SetBoolean(int column, bool value)
    {
        if (IsColumn(column, ParquetColumnType.Boolean))
        {
            ((BooleanColumnWriter)_columns[column]).Stage(value);
            return;
        }
        throw WrongType(column, ParquetColumnType.Boolean, value);
    }

    /// <summary>Sets an INT32 column of the current row.</summary>
    public void SetInt32(int column, int value)
    {
        if (IsColumn(column, ParquetColumnType.Int32))
        {
            ((Int32ColumnWriter)_columns[column]).Stage(value);
            return;
        }
        throw WrongType(column, ParquetColumnType.Int32, value);
    }

    /// <summary>Sets an INT64 column, or a timestamp column in milliseconds since the Unix epoch.</summary>
    public void SetInt64(int column, long value)
    {
        if (IsColumn(column, ParquetColumnType.Int64) || IsColumn(column, ParquetColumnType.TimestampMillis))
        {
            ((Int64ColumnWriter)_columns[column]).Stage(value);
            return;
        }
        throw WrongType(column, ParquetColumnType.Int64, value);
    }

    /// <summary>Sets a DOUBLE column of the current row. NaN and both zeros are kept bit for bit.</summary>
    public void SetDouble(int column, double value)
    {
        if (IsColumn(column, ParquetColumnType.Double))
        {
            ((DoubleColumnWriter)_columns[column]).Stage(BitConverter.DoubleToInt64Bits(value));
            return;
        }
        throw WrongType(column, ParquetColumnType.Double, value);
    }

    /// <summary>Sets a STRING column of the current row; null sets null.</summary>
    public void SetString(int column, string? value)
    {
        if (!IsColumn(column, ParquetColumnType.String))
        {
            throw WrongType(column, ParquetColumnType.String, value);
        }
        var writer = (ByteArrayColumnWriter)_columns[column];
        if (value is null)
        {
            writer.StageNull();
        }
        else
        {
            writer.Stage(value);
        }
    }

    /// <summary>Sets a BINARY column of the current row. The memory must stay unchanged until the row is ended.</summary>
    public void SetBinary(int column, ReadOnlyMemory<byte> value)
    {
        if (IsColumn(column, ParquetColumnType.Binary))
        {
            ((ByteArrayColumnWriter)_columns[column]).Stage(value);
            return;
        }
        throw WrongType(column, ParquetColumnType.Binary, value);
    }

    /// <summary>Sets a timestamp column of the current row (stored as UTC milliseconds; sub-millisecond ticks are truncated).</summary>
    public void SetTimestamp(int column, DateTimeOffset value)
    {
        if (IsColumn(column, ParquetColumnType.TimestampMillis))
        {
            ((Int64ColumnWriter)_columns[column]).Stage(value.ToUnixTimeMilliseconds());
            return;
        }
        throw WrongType(column, ParquetColumnType.TimestampMillis, value);
    }

    /// <summary>Sets a column of the current row to null.</summary>
    /// <exception cref="ParquetException">The column is required.</exception>
    public void SetNull(int column)
    {
        CheckColumn(column);
        _columns[column].StageNull();
    }

    /// <summary>Forgets the values set for the current row.</summary>
    public void DiscardRow()
    {
        foreach (var column in _columns)
        {
            column.DiscardStaged();
        }
    }

    /// <summary>
    /// Ends the current row. When the row group is full it is written to the stream synchronously;
    /// use <see cref="EndRowAsync"/> to write it asynchronously.
    /// </summary>
    /// <exception cref="ParquetException">A required column was not set; the row is discarded.</exception>
    public void EndRow()
    {
        if (CommitRow())
        {
            FlushRowGroup();
        }
    }

    /// <summary>Ends the current row; a full row group is written to the stream asynchronously.</summary>
    /// <exception cref="ParquetException">A required column was not set; the row is discarded.</exception>
    public ValueTask EndRowAsync(CancellationToken cancellationToken = default) =>
        CommitRow() ? new ValueTask(FlushRowGroupAsync(cancellationToken)) : ValueTask.CompletedTask;

    /// <summary>
    /// Sets every column from <paramref name="values"/> (in schema order) and ends the row: a convenience
    /// that boxes. Accepted: bool; int; long (or int); double (or float); string; byte[] or
    /// ReadOnlyMemory&lt;byte&gt;; timestamps as DateTimeOffset, DateTime (UTC) or long milliseconds; null.
    /// </summary>
    /// <exception cref="ParquetException">A value has the wrong type or is null in a required column; the row is discarded.</exception>
    public void WriteRow(ReadOnlySpan<object?> values)
    {
        StageRow(values);
        EndRow();
    }

    /// <summary>Asynchronous <see cref="WriteRow"/>.</summary>
    public ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken = default)
    {
        StageRow(values);
        return EndRowAsync(cancellationToken);
    }

    /// <summary>Writes the buffered rows as a row group now (nothing when none are buffered).</summary>
    public async Task FlushRowGroupAsync(CancellationToken cancellationToken = default)
    {
        CheckReady();
        if (_bufferedRows == 0)
        {
            return;
        }
        try
        {
            if (!_magicWritten)
            {
                await _output.WriteAsync(s_magic, cancellationToken).ConfigureAwait(false);
                _bytesWritten += s_magic.Length;
                _magicWritten = true;
            }
            var chunks = LayOutRowGroup();
            foreach (var column in _columns)
            {
                await _output.WriteAsync(column.DictionaryPageBytes, cancellationToken).ConfigureAwait(false);
                await _output.WriteAsync(column.DataPageBytes, cancellationToken).ConfigureAwait(false);
            }
            FinishRowGroup(chunks);
        }
        catch
        {
            _state = WriterState.Broken;
            throw;
        }
    }

    /// <summary>Writes the last row group and the footer, then flushes the stream. The file is then complete.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var footer = BuildFooter();
            await _output.WriteAsync(footer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            _bytesWritten += footer.Length;
            _state = WriterState.Completed;
        }
        catch
        {
            _state = WriterState.Broken;
            throw;
        }
    }

    /// <summary>Releases the writer without completing the file (the stream is left open and unfinished).</summary>
    public void Dispose() => _state = WriterState.Disposed;

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void FlushRowGroup()
    {
        CheckReady();
        if (_bufferedRows == 0)
        {
            return;
        }
        try
        {
            if (!_magicWritten)
            {
                _output.Write(s_magic);
                _bytesWritten += s_magic.Length;
                _magicWritten = true;
            }
            var chunks = LayOutRowGroup();
            foreach (var column in _columns)
            {
                _output.Write(column.DictionaryPageBytes.Span);
                _output.Write(column.DataPageBytes.Span);
            }
            FinishRowGroup(chunks);
        }
        catch
        {
            _state = WriterState.Broken;
            throw;
        }
    }

    private ColumnChunkMetadata[] LayOutRowGroup()
    {
        var offset = _bytesWritten;
        var chunks = new ColumnChunkMetadata[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            chunks[i] = _columns[i].CompleteChunk(offset);
            offset += _columns[i].DictionaryPageBytes.Length + _columns[i].DataPageBytes.Length;
        }
        return chunks;
    }

    private void FinishRowGroup(ColumnChunkMetadata[] chunks)
    {
        foreach (var column in _columns)
        {
            _bytesWritten += column.DictionaryPageBytes.Length + column.DataPageBytes.Length;
            column.ResetChunk();
        }
        _rowGroups.Add(new RowGroupMetadata(chunks, _bufferedRows, checked((short)_rowGroups.Count)));
        _bufferedRows = 0;
    }

    private ByteBuffer BuildFooter()
    {
        var footer = new ByteBuffer(4096);
        if (!_magicWritten)
        {
            footer.Write(s_magic);
            _magicWritten = true;
        }
        var start = footer.Length;
        var keyValues = new List<KeyValuePair<string, string>>
        {
            new("writer", $"{CreatedByName} {ParquetWriterOptions.WriterVersion}"),
        };
        if (_options.AvroSchemaJson is { } avro)
        {
            keyValues.Add(new("avro.schema", avro));
        }
        if (_options.KeyValueMetadata is { } extra)
        {
            keyValues.AddRange(extra.Where(kv => kv.Key is not ("writer" or "avro.schema")).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
        var createdBy = $"{CreatedByName} version {ParquetWriterOptions.WriterVersion} (build {_options.Build})";
        FileMetadataWriter.Write(footer, Schema, _rowGroups, keyValues, createdBy);
        footer.WriteInt32LittleEndian(footer.Length - start);
        footer.Write(s_magic);
        return footer;
    }

    private bool CommitRow()
    {
        CheckReady();
        foreach (var column in _columns)
        {
            if (!column.IsStaged && !column.Column.Optional)
            {
                DiscardRow();
                throw new ParquetException(
                    $"Column '{column.Column.Name}' is required, but row {_rowCount} has no value for it.", column.Column.Name);
            }
        }
        foreach (var column in _columns)
        {
            column.Commit();
        }
        _rowCount++;
        _bufferedRows++;
        return BufferedBytes >= _options.RowGroupSizeBytes;
    }

    private void StageRow(ReadOnlySpan<object?> values)
    {
        CheckReady();
        if (values.Length != _columns.Length)
        {
            throw new ParquetException($"A row needs {_columns.Length} values, one per column, but {values.Length} were given.");
        }
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                StageObject(i, values[i]);
            }
        }
        catch
        {
            DiscardRow();
            throw;
        }
    }

    private void StageObject(int column, object? value)
    {
        if (value is null)
        {
            SetNull(column);
            return;
        }
        var type = _columns[column].Column.Type;
        switch (type, value)
        {
            case (ParquetColumnType.Boolean, bool b):
                SetBoolean(column, b);
                break;
            case (ParquetColumnType.Int32, int i):
                SetInt32(column, i);
                break;
            case (ParquetColumnType.Int64, long l):
                SetInt64(column, l);
                break;
            case (ParquetColumnType.Int64, int i):
                SetInt64(column, i);
                break;
            case (ParquetColumnType.Double, double d):
                SetDouble(column, d);
                break;
            case (ParquetColumnType.Double, float f):
                SetDouble(column, f);
                break;
            case (ParquetColumnType.String, string s):
                SetString(column, s);
                break;
            case (ParquetColumnType.Binary, byte[] bytes):
                SetBinary(column, bytes);
                break;
            case (ParquetColumnType.Binary, ReadOnlyMemory<byte> memory):
                SetBinary(column, memory);
                break;
            case (ParquetColumnType.TimestampMillis, DateTimeOffset dto):
                SetTimestamp(column, dto);
                break;
            case (ParquetColumnType.TimestampMillis, DateTime dt):
                SetTimestamp(column, new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()));
                break;
            case (ParquetColumnType.TimestampMillis, long millis):
                SetInt64(column, millis);
                break;
            default:
                throw WrongType(column, type, value);
        }
    }

    private bool IsColumn(int column, ParquetColumnType type) =>
        (uint)column < (uint)_columns.Length && _types[column] == type;

    private void CheckColumn(int column)
    {
        if (column < 0 || column >= _columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The schema has {_columns.Length} columns.");
        }
    }

    private ParquetException WrongType(int column, ParquetColumnType given, object? value)
    {
        CheckColumn(column);
        var target = _columns[column].Column;
        return new ParquetException(
            $"Column '{target.Name}' has type {target.Type}{(target.Optional ? " (optional)" : "")}, but was given {Describe(value)} as {given}.",
            target.Name);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"string \"{(s.Length > 64 ? s[..64] + "…" : s)}\"",
        byte[] b => $"byte[{b.Length}]",
        ReadOnlyMemory<byte> m => $"bytes[{m.Length}]",
        IFormattable f => $"{value.GetType().Name} {f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}",
        _ => value.GetType().Name,
    };

    private void CheckReady()
    {
        switch (_state)
        {
            case WriterState.Open:
                return;
            case WriterState.Completed:
                throw new InvalidOperationException("The Parquet file is already complete; no more rows can be written.");
            case WriterState.Broken:
                throw new InvalidOperationException("The Parquet writer is broken: an earlier write to the stream failed.");
            case WriterState.Disposed:
                throw new ObjectDisposedException(nameof(ParquetFileWriter));
            default:
                throw new InvalidOperationException($"Illegal writer state {_state}.");
        }
    }

    private ColumnWriter CreateColumnWriter(ParquetColumn column)
    {
        var codec = _options.Compression switch
        {
            ParquetCompression.Uncompressed => CompressionCodec.Uncompressed,
            ParquetCompression.Snappy => CompressionCodec.Snappy,
            _ => throw new InvalidOperationException($"Unknown compression {_options.Compression}."),
        };
        var useDictionary = column.Type switch
        {
            ParquetColumnType.String => _options.DictionaryForStrings,
            ParquetColumnType.Int32 or ParquetColumnType.Int64 or ParquetColumnType.Double or ParquetColumnType.TimestampMillis => _options.DictionaryForNumbers,
            _ => false,
        };
        var settings = new ColumnWriterSettings(_options.PageSizeBytes, _options.PageRowLimit, useDictionary, _options.DictionaryPageSizeLimitBytes, codec, _options.CompressInBackground);
        return column.Type switch
        {
            ParquetColumnType.Boolean => new BooleanColumnWriter(column, settings),
            ParquetColumnType.Int32 => new Int32ColumnWriter(column, settings),
            ParquetColumnType.Int64 or ParquetColumnType.TimestampMillis => new Int64ColumnWriter(column, settings),
            ParquetColumnType.Double => new DoubleColumnWriter(column, settings),
            ParquetColumnType.String or ParquetColumnType.Binary => new ByteArrayColumnWriter(column, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
        };
    }
}
