using Confluent.Kafka;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>What every ingest task of one input topic shares.</summary>
/// <param name="Topic">The input topic (conservation counters are per topic).</param>
/// <param name="Decoder">Decodes the topic's values; a failure becomes a rejection with its reason code.</param>
/// <param name="Options">The domain thresholds.</param>
/// <param name="Summary">Where each task registers its conservation counters.</param>
/// <param name="Bounds">Where a bounded run ends (empty: unbounded).</param>
/// <param name="FlushInterval">Interval of the flush and end-of-input punctuations.</param>
public sealed record IngestSettings<T>(string Topic, IDeserializer<T> Decoder, ProcessorOptions Options, RunSummary Summary, InputBounds Bounds, TimeSpan FlushInterval);
