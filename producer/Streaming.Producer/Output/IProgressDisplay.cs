namespace Streaming.Producer.Output;

/// <summary>Shows how far a send loop is: a live bar on a terminal, plain periodic lines otherwise.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports the number of records done so far through its argument; a negative <paramref name="total"/> means unknown.</summary>
    Task<T> RunAsync<T>(string description, long total, Func<Action<long>, Task<T>> work);
}
