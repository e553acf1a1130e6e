namespace Streaming.Runtime;

/// <summary>Delivery guarantee of a <see cref="StreamsApplication"/>.</summary>
public enum ProcessingGuarantee
{
    /// <summary>Transactional producer; outputs, changelogs, checkpoints and input offsets commit atomically.</summary>
    ExactlyOnce,

    /// <summary>Flush outputs and changelogs, then commit offsets; a crash may repeat work.</summary>
    AtLeastOnce,
}
