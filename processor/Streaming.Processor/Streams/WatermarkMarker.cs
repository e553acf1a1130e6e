namespace Streaming.Processor.Streams;

/// <summary>
/// The watermark of one upstream trips partition, sent to one partition of the city repartition topic (DESIGN §5).
/// Upstream sends one to every partition, after the partials it flushed, so on each partition a marker follows all
/// data it covers: a window closed by the minimum over markers can no longer receive a partial.
/// </summary>
/// <param name="UpstreamPartition">The trips partition whose watermark this is.</param>
/// <param name="UpstreamPartitions">How many trips partitions there are: the window closes only once each has been heard from.</param>
/// <param name="TargetPartition">The repartition partition this copy is addressed to; the partitioner reads it.</param>
/// <param name="Watermark">The upstream partition's watermark.</param>
/// <param name="EndOfInput">The upstream partition reached the end of a bounded run: it sends nothing more.</param>
public sealed record WatermarkMarker(int UpstreamPartition, int UpstreamPartitions, int TargetPartition, long Watermark, bool EndOfInput);
