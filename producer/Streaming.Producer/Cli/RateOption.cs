using Streaming.Contracts.Cli;

namespace Streaming.Producer.Cli;

/// <summary>Checks --rate.</summary>
internal static class RateOption
{
    /// <summary>The rate, or null for unlimited.</summary>
    /// <exception cref="UsageException">The rate is not a positive number.</exception>
    public static double? Validate(double? rate) =>
        rate is null ? null
        : double.IsFinite(rate.Value) && rate.Value > 0 ? rate
        : throw new UsageException($"--rate {rate} is out of range; pass events per second greater than 0 (or leave it out for no limit).");
}
