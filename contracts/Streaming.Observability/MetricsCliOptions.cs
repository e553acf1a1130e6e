using System.CommandLine;

namespace Streaming.Observability;

/// <summary>The <c>--metrics-*</c> flags of a long-running or bounded service command, mapped onto <see cref="ObservabilitySettings"/> keys.</summary>
public sealed class MetricsCliOptions(int defaultPort)
{
    public Option<string?> Port { get; } = new("--metrics-port")
    {
        Description = $"Port of /metrics and /health (default {defaultPort}; off for bounded runs unless given; 0 = off).",
    };

    public Option<string?> Bind { get; } = new("--metrics-bind")
    {
        Description = "Address /metrics and /health bind to (default 127.0.0.1; e.g. 0.0.0.0 in a container).",
    };

    public Option<string?> Linger { get; } = new("--metrics-linger")
    {
        Description = "Keep /metrics up this long after a bounded run ends (e.g. 30s), for a last scrape.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Bind);
        command.Options.Add(Linger);
    }

    /// <summary>The flags' values as configuration overrides (absent flags leave keys to env and appsettings).</summary>
    public void AddOverrides(ParseResult result, IDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(overrides);
        Set(overrides, ObservabilitySettings.PortKey, result.GetValue(Port));
        Set(overrides, ObservabilitySettings.BindKey, result.GetValue(Bind));
        Set(overrides, ObservabilitySettings.LingerKey, result.GetValue(Linger));
    }

    private static void Set(IDictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
