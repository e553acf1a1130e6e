using Streaming.Parquet;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>One Parquet output file, spooled to a local temporary file until it is committed.</summary>
public sealed class ParquetRecordWriter : IRecordWriter
{
    private readonly ParquetTableMapping _mapping;
    private readonly IStorage _storage;
    private readonly string _spoolPath;
    private FileStream? _stream;
    private ParquetFileWriter? _writer;
    private State _state = State.Writing;
    private long _completedBytes;

    internal ParquetRecordWriter(string key, ParquetTableMapping mapping, IStorage storage, ParquetWriterOptions options, string spoolPath)
    {
        Key = key;
        _mapping = mapping;
        _storage = storage;
        _spoolPath = spoolPath;
        _stream = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = new ParquetFileWriter(_stream, mapping.Schema, options);
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

    /// <inheritdoc />
    public long EstimatedBytes => _state == State.Writing ? _writer!.EstimatedFileSize : _completedBytes;

    /// <inheritdoc />
    public void Write(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckState(State.Writing, "write to");
        _mapping.WriteRow(_writer!, record.Value);
        RecordCount++;
    }

    /// <inheritdoc />
    public async Task<long> CommitAsync(CancellationToken cancellationToken = default)
    {
        switch (_state)
        {
            case State.Writing:
                await _writer!.CompleteAsync(cancellationToken).ConfigureAwait(false);
                _completedBytes = _writer.BytesWritten;
                _writer.Dispose();
                _writer = null;
                await _stream!.DisposeAsync().ConfigureAwait(false);
                _stream = null;
                _state = State.Completed;
                break;
            case State.Completed:
                break; // an earlier upload failed: the finished file is still spooled
            case State.Uploaded:
                return _completedBytes;
            case State.Closed:
                throw new InvalidOperationException($"Illegal state Closed while committing file {Key}.");
            default:
                throw new InvalidOperationException($"Illegal state {_state} while committing file {Key}.");
        }
        await _storage.PutFileAsync(Key, _spoolPath, cancellationToken).ConfigureAwait(false);
        _state = State.Uploaded;
        DeleteSpool();
        return _completedBytes;
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_state == State.Closed)
        {
            return;
        }
        _writer?.Dispose();
        _writer = null;
        _stream?.Dispose();
        _stream = null;
        _state = State.Closed;
        DeleteSpool();
    }

    /// <inheritdoc />
    public void Dispose() => Close();

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
