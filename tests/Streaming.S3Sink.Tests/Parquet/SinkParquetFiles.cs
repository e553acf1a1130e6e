using Streaming.Contracts;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;
using Streaming.TestSupport;

namespace Streaming.S3Sink.Tests.Parquet;

/// <summary>Writes records the way the sink does (its <see cref="ParquetRecordWriterProvider"/> into a file:// storage).</summary>
internal static class SinkParquetFiles
{
    /// <summary>Writes <paramref name="values"/> as one file of <paramref name="topic"/>'s table and returns its path.</summary>
    public static async Task<string> WriteAsync(TempDirectory folder, string topic, IReadOnlyList<object> values, long rowGroupSizeBytes = S3SinkOptions.DefaultRowGroupSizeBytes)
    {
        var storage = new LocalFileStorage(folder.Path);
        var provider = new ParquetRecordWriterProvider(ParquetTableMappings.ForTopic(topic)!, storage, rowGroupSizeBytes, folder.File("spool"));
        var key = $"{topic.Replace('.', '_')}/{Guid.NewGuid():N}.parquet";
        using var writer = provider.Create(key);
        for (var i = 0; i < values.Count; i++)
        {
            var record = new SinkRecord(topic, 0, i, 0, null, [], values[i]);
            provider.Check(record);
            writer.Write(record);
        }
        await writer.CommitAsync();
        return folder.File(key);
    }
}
