namespace Streaming.Runtime;

/// <summary>What drives a scheduled punctuation.</summary>
public enum PunctuationType
{
    /// <summary>The task's stream time (event time); fires when stream time passes the next due time.</summary>
    StreamTime,

    /// <summary>The injected wall clock; never use it for results that must be deterministic.</summary>
    WallClockTime,
}
