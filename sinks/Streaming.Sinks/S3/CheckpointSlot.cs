namespace Streaming.Sinks.S3;

/// <summary>
/// Checkpoints alternate between two objects per partition, so the one being written never replaces the one the
/// sink resumed from. A put that dies half-way can leave a torn object on stores without atomic puts (s3rver does,
/// when the client is killed mid-upload); the other slot then still holds the previous checkpoint, and resuming from
/// it is the same as a crash just before the torn write, which the replay already handles.
/// </summary>
public enum CheckpointSlot
{
    A,
    B,
}
