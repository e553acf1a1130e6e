namespace Streaming.Runtime;

/// <summary>A handle to cancel a scheduled punctuation.</summary>
public interface ICancellable
{
    /// <summary>Stops further calls.</summary>
    void Cancel();
}
