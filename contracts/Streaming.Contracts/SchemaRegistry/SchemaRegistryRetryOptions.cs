namespace Streaming.Contracts.SchemaRegistry;

/// <summary>Retry and timeout settings of <see cref="SchemaRegistryRestClient"/>.</summary>
public sealed class SchemaRegistryRetryOptions
{
    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry; doubles each retry, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest delay between retries. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of one attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
