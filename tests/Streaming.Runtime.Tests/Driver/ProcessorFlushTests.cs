using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

/// <summary>Buffered processor output is flushed at commit and always ahead of the watermark marker that follows it.</summary>
public sealed class ProcessorFlushTests
{
    private const long Min = 60_000;

    [Fact]
    public void ShouldFlushBufferedOutputAheadOfEveryWatermarkMarker()
    {
        var downstream = new List<RecordingProcessor<string, long>>();
        var topology = new TopologyBuilder()
            .AddSource("source", "in", Serdes.String, Serdes.Long)
            .AddProcessor("buffer", () => new SumUntilFlush(), "source")
            .AddRepartition("sums", Serdes.String, Serdes.Long, null, 1, "buffer")
            .AddProcessor("down", () =>
            {
                var recorder = new RecordingProcessor<string, long>();
                downstream.Add(recorder);
                return recorder;
            }, "sums-source")
            .Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);

        input.PipeInput("k", 1, 0);        // watermark advances: the sum 1 is flushed, then the marker
        input.PipeInput("k", 2, 0);        // no advance: the driver's commit flushes 2, no marker
        input.PipeInput("k", 4, 30 * Min); // advance: 4, then the marker
        driver.EndInput();

        var log = driver.RawLog("test-app-sums-repartition", 0)
            .Select(r => WatermarkMarker.IsMarker(r.Headers) ? $"marker@{WatermarkMarker.Decode(r).Watermark / Min}" : $"{Serdes.Long.Deserialize(r.ValueBytes, "t")}")
            .ToList();
        log.Should().Equal("1", "marker@-10", "2", "4", "marker@20", "marker@30");
        downstream.Single().Records.Select(r => r.Value).Should().Equal(1, 2, 4);
    }

    /// <summary>Sums values per key and forwards the sums only when flushed.</summary>
    private sealed class SumUntilFlush : ContextualProcessor<string, long>
    {
        private readonly Dictionary<string, long> _sums = [];

        public override void Process(Record<string, long> record) =>
            _sums[record.Key] = _sums.GetValueOrDefault(record.Key) + record.Value;

        public override void Flush()
        {
            foreach (var (key, sum) in _sums)
            {
                Context.Forward(new Record<string, long>(key, sum, 0));
            }
            _sums.Clear();
        }
    }
}
