using Parquet;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>
/// One Parquet output file, written with Parquet.Net: records are buffered column by column, each full row group is
/// written to a local spool file, and <see cref="CommitAsync"/> writes the last row group and the footer, then uploads.
/// Memory per open file is bounded by the row-group size, not the file size.
/// </summary>
public sealed class ParquetRecordWriter : IRecordWriter
{
    private readonly ParquetTableMapping _mapping;
    private readonly IStorage _storage;
    private readonly ParquetOptions _options;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly long _rowGroupSizeBytes;
    private readonly string _spoolPath;
    private readonly ColumnBuffer[] _columns;
    private FileStream? _stream;
    private ParquetWriter? _writer;
    private State _state = State.Writing;
    private int _bufferedRows;
    private long _bytes;

    internal ParquetRecordWriter(string key, ParquetTableMapping mapping, IStorage storage, ParquetOptions options,
        IReadOnlyDictionary<string, string> metadata, long rowGroupSizeBytes, string spoolPath)
    {
        Key = key;
        _mapping = mapping;
        _storage = storage;
        _options = options;
        _metadata = metadata;
        _rowGroupSizeBytes = rowGroupSizeBytes;
        _spoolPath = spoolPath;
        _columns = mapping.CreateBuffers();
        _stream = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    private enum State
    {
        Writing,
        Completed,
        Uploaded,
        Closed,
    }

    /// <inheritdoc />
    public string Key { get; }

    /// <inheritdoc />
    public long RecordCount { get; private set; }

    /// <summary>Row groups written to the spool file so far.</summary>
    public int RowGroups { get; private set; }

    /// <inheritdoc />
    /// <remarks>Spooled row groups as written (compressed) plus the buffered row group's PLAIN-encoded size.</remarks>
    public long EstimatedBytes => _state == State.Writing ? _bytes + BufferedBytes : _bytes;

    private long BufferedBytes
    {
        get
        {
            long total = 0;
            foreach (var column in _columns)
            {
                total += column.EstimatedBytes;
            }
            return total;
        }
    }

    /// <inheritdoc />
    /// <remarks>Values are checked before (<see cref="ParquetRecordWriterProvider.Check"/>); a row that still fails is not buffered.</remarks>
    public void Write(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckState(State.Writing, "write to");
        try
        {
            foreach (var column in _columns)
            {
                column.Append(record.Value);
            }
        }
        catch
        {
            foreach (var column in _columns)
            {
                column.Truncate(_bufferedRows);
            }
            throw;
        }
        _bufferedRows++;
        RecordCount++;
        if (BufferedBytes >= _rowGroupSizeBytes)
        {
            // Write is synchronous (the delivery loop's Append is); the spool is a local file, so waiting here is short.
            // Task.Run keeps Parquet.Net's awaits off any synchronization context of the caller.
            Task.Run(() => FlushRowGroupAsync(CancellationToken.None)).GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public async Task<long> CommitAsync(CancellationToken cancellationToken = default)
    {
        switch (_state)
        {
            case State.Writing:
                await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
                var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
                writer.CustomMetadata = _metadata;
                await writer.DisposeAsync().ConfigureAwait(false); // writes the footer
                _writer = null;
                _bytes = _stream!.Length;
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
                _state = State.Completed;
                break;
            case State.Completed:
                break; // an earlier upload failed: the finished file is still spooled
            case State.Uploaded:
                return _bytes;
            case State.Closed:
                throw new InvalidOperationException($"Illegal state Closed while committing file {Key}.");
            default:
                throw new InvalidOperationException($"Illegal state {_state} while committing file {Key}.");
        }
        await _storage.PutFileAsync(Key, _spoolPath, cancellationToken).ConfigureAwait(false);
        _state = State.Uploaded;
        DeleteSpool();
        return _bytes;
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_state == State.Closed)
        {
            return;
        }
        // Not disposing _writer: that would write a footer into a spool file that is deleted anyway.
        _writer = null;
        _stream?.Dispose();
        _stream = null;
        _state = State.Closed;
        DeleteSpool();
    }

    /// <inheritdoc />
    public void Dispose() => Close();

    private async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_bufferedRows == 0)
        {
            return;
        }
        var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
        using (var rowGroup = writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
            rowGroup.CompleteValidate();
        }
        _bufferedRows = 0;
        RowGroups++;
        _bytes = _stream!.Position;
    }

    private async Task<ParquetWriter> WriterAsync(CancellationToken cancellationToken) =>
        _writer ??= await ParquetWriter.CreateAsync(_mapping.Schema, _stream!, _options, cancellationToken: cancellationToken).ConfigureAwait(false);

    private void CheckState(State expected, string action)
    {
        if (_state != expected)
        {
            throw new InvalidOperationException($"Illegal state {_state} while trying to {action} file {Key}.");
        }
    }

    private void DeleteSpool()
    {
        try
        {
            File.Delete(_spoolPath);
        }
        catch (IOException)
        {
        }
    }
}
