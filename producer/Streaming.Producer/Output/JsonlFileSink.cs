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

    private JsonlFileSink(string path, FileStream stream)
    {
        _path = path;
        _stream = stream;
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
    public IPreparedBatch Prepare(IReadOnlyList<ProducerRecord> records)
    {
        var lines = new byte[records.Count][];
        var line = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(line, JsonlEnvelope.WriterOptions);
        for (var i = 0; i < lines.Length; i++)
        {
            line.ResetWrittenCount();
            writer.Reset(line);
            JsonlEnvelope.Write(writer, records[i], records[i].Stream.ToName());
            writer.Flush();
            line.Write("\n"u8);
            lines[i] = line.WrittenSpan.ToArray();
        }
        return new LineBatch(this, records, lines);
    }

    private void Write(ProducerRecord record, byte[] line)
    {
        try
        {
            _stream.Write(line);
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
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private sealed class LineBatch(JsonlFileSink sink, IReadOnlyList<ProducerRecord> records, byte[][] lines) : IPreparedBatch
    {
        public int Count => lines.Length;

        public void Send(int index) => sink.Write(records[index], lines[index]);
    }
}
