namespace Streaming.Contracts.Configuration;

/// <summary>
/// A required setting is missing or invalid. The message names the configuration key and how to set it.
/// </summary>
/// <remarks>Category: fatal user error. Executables print the message (no stack trace) and exit non-zero.</remarks>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for a configuration key.</summary>
    /// <param name="key">The configuration key, e.g. <c>Kafka:BootstrapServers</c>.</param>
    /// <param name="message">A sentence naming the key and how to set it.</param>
    public ConfigurationException(string key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The configuration key at fault, e.g. <c>Kafka:BootstrapServers</c>.</summary>
    public string Key { get; }

    /// <summary>
    /// The standard message for a missing setting: what is missing, the flag, the <c>STREAMING__</c> variable and, when
    /// there is one, the plain dev-stack variable.
    /// </summary>
    internal static ConfigurationException Missing(string what, string key, string? flag, string? devVariable)
    {
        var env = ConfigKeys.ToEnvironmentVariable(key);
        var how = flag is null ? $"set {env}" : $"pass {flag} or set {env}";
        if (devVariable is not null)
        {
            how += $" (or {devVariable})";
        }
        return new ConfigurationException(key, $"{what} not configured: {how}.");
    }
}
