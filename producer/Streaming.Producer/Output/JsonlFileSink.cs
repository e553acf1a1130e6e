using System.Buffers;
using System.Text.Json;
using Streaming.Producer.Generation;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Output;

/// <summary>Writes records as JSON lines (<see cref="JsonlEnvelope"/>) to a file, replacing it.</summary>
internal sealed class JsonlFileSink : IRecordSink
{
    private readonly FileStream _stream;
    private readonly string _path;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _writer;

    private JsonlFileSink(string path, FileStream stream)
    {
        _path = path;
        _stream = stream;
        _writer = new Utf8JsonWriter(_line, JsonlEnvelope.WriterOptions);
    }

    /// <inheritdoc />
    public string Description => "file " + _path;

    /// <inheritdoc />
    public SendCounts Delivered { get; } = new();

    /// <summary>Creates (or truncates) the file.</summary>
    /// <exception cref="UsageException">The file cannot be created; the message names it.</exception>
    public static JsonlFileSink Create(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            return new JsonlFileSink(path, new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out '{path}' cannot be written: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public string DestinationOf(EventStream stream) => stream.ToName();

    /// <inheritdoc />
    public void Send(ProducerRecord record)
    {
        try
        {
            _line.ResetWrittenCount();
            _writer.Reset(_line);
            JsonlEnvelope.Write(_writer, record, record.Stream.ToName());
            _writer.Flush();
            _line.Write("\n"u8);
            _stream.Write(_line.WrittenSpan);
        }
        catch (IOException ex)
        {
            throw new SinkException($"writing '{_path}' failed: {ex.Message}", ex);
        }
        Delivered.Increment(record.Stream, record.Kind);
    }

    /// <inheritdoc />
    public async Task<SinkCompletion> CompleteAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new SinkException($"writing '{_path}' failed: {ex.Message}", ex);
        }
        return new SinkCompletion(0, 0, null);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _writer.Dispose();
        return _stream.DisposeAsync();
    }
}
