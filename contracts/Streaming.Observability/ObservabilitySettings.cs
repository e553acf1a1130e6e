using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Streaming.Contracts.Configuration;

namespace Streaming.Observability;

/// <summary>
/// Where the /metrics and /health endpoint listens, resolved from <c>Observability:*</c> keys (flags override them):
/// off (port 0) by default for a bounded run, on the executable's default port for a long-running one.
/// </summary>
/// <param name="Port">TCP port; 0 turns the endpoint off.</param>
/// <param name="BindAddress">Address to bind; 127.0.0.1 unless another is asked for.</param>
/// <param name="PortExplicit">True when the port was asked for (flag or key), false when it is the default.</param>
/// <param name="UnhealthyAfter">How long a dependency may fail before /health answers 503.</param>
/// <param name="Linger">How long a bounded run keeps the endpoint up after it ends (for a last scrape).</param>
public sealed record ObservabilitySettings(int Port, IPAddress BindAddress, bool PortExplicit, TimeSpan UnhealthyAfter, TimeSpan Linger)
{
    public const string PortKey = "Observability:MetricsPort";
    public const string BindKey = "Observability:MetricsBind";
    public const string UnhealthyAfterKey = "Observability:UnhealthyAfter";
    public const string LingerKey = "Observability:MetricsLinger";

    public bool Enabled => Port > 0;

    /// <param name="configuration">Configuration with the flags' values merged in under the keys above.</param>
    /// <param name="defaultPort">The executable's port (processor 9464, postgres sink 9465, S3 sink 9466).</param>
    /// <param name="bounded">A bounded run: the endpoint is off unless a port is asked for.</param>
    /// <exception cref="ConfigurationException">A port, address or duration is invalid.</exception>
    public static ObservabilitySettings Bind(IConfiguration configuration, int defaultPort, bool bounded)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var portText = configuration[PortKey];
        var explicitPort = !string.IsNullOrWhiteSpace(portText);
        var port = bounded ? 0 : defaultPort;
        if (explicitPort)
        {
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535
                ? p
                : throw new ConfigurationException(PortKey,
                    $"--metrics-port '{portText}' is not a port; pass 1 to 65535, or 0 to turn /metrics off ({ConfigKeys.ToEnvironmentVariable(PortKey)}).");
        }
        var bindText = configuration[BindKey];
        var bind = IPAddress.Loopback;
        if (!string.IsNullOrWhiteSpace(bindText) && !IPAddress.TryParse(bindText.Trim(), out bind))
        {
            throw new ConfigurationException(BindKey,
                $"--metrics-bind '{bindText}' is not an IP address; pass e.g. 127.0.0.1 or 0.0.0.0 ({ConfigKeys.ToEnvironmentVariable(BindKey)}).");
        }
        return new ObservabilitySettings(port, bind!, explicitPort,
            Duration(configuration, UnhealthyAfterKey, "--unhealthy-after", TimeSpan.FromSeconds(30)),
            Duration(configuration, LingerKey, "--metrics-linger", TimeSpan.Zero));
    }

    /// <summary>500ms, 30s, 5m, or a TimeSpan (00:00:30).</summary>
    private static TimeSpan Duration(IConfiguration configuration, string key, string flag, TimeSpan fallback)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return TimeSpan.FromSeconds(amount * seconds);
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new ConfigurationException(key, $"{flag} '{text}' is not a duration; pass e.g. 500ms, 30s or 5m ({ConfigKeys.ToEnvironmentVariable(key)}).");
    }
}
