using Confluent.SchemaRegistry;

namespace Streaming.Contracts.Serdes;

/// <summary>
/// Calls to the Schema Registry with the project's outage policy: a connection failure or timeout is retried after
/// each delay of <see cref="Backoff"/>, then fails with <see cref="SchemaRegistryUnavailableException"/>. An answer
/// from the registry (<see cref="SchemaRegistryException"/>, a 404 say) is never retried: it is data, not an outage.
/// </summary>
public sealed class RegistryCalls
{
    /// <summary>The default backoff: about 7.5 s in all before the run fails.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultBackoff =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    public RegistryCalls(string url, IReadOnlyList<TimeSpan>? backoff = null)
    {
        Url = url;
        Backoff = backoff ?? DefaultBackoff;
    }

    public string Url { get; }

    public IReadOnlyList<TimeSpan> Backoff { get; }

    /// <summary>Runs <paramref name="call"/> to completion on this thread, retrying outages.</summary>
    /// <exception cref="SchemaRegistryUnavailableException">Still unreachable after the last retry.</exception>
    /// <exception cref="SchemaRegistryException">The registry answered with an error.</exception>
    public TResult Run<TResult>(Func<Task<TResult>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return call().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (IsOutage(ex))
            {
                if (attempt >= Backoff.Count)
                {
                    throw new SchemaRegistryUnavailableException(Url, ex);
                }
                Thread.Sleep(Backoff[attempt]);
            }
        }
    }

    // Confluent's client raises SchemaRegistryException (an HttpRequestException) for registry answers, and a plain
    // HttpRequestException or a cancellation (its request timeout) when no answer came.
    private static bool IsOutage(Exception ex) =>
        ex is (HttpRequestException and not SchemaRegistryException) or TaskCanceledException or TimeoutException;
}
