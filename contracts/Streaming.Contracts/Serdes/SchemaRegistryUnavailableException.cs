namespace Streaming.Contracts.Serdes;

/// <summary>
/// The Schema Registry could not be reached (connection refused, timeout) after retries with backoff. A broken
/// dependency, not a data error: the run fails with this one-line message, which names the URL.
/// </summary>
public sealed class SchemaRegistryUnavailableException : Exception
{
    public SchemaRegistryUnavailableException(string url, Exception innerException)
        : base($"Schema Registry at {url} is unreachable: {innerException.Message}", innerException)
    {
        Url = url;
    }

    /// <summary>The registry URL that was tried.</summary>
    public string Url { get; }
}
