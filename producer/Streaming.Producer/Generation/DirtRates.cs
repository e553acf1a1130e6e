using Streaming.Contracts.Cli;

namespace Streaming.Producer.Generation;

/// <summary>
/// How much dirt to mix in, each as a fraction of the generated events of a stream (0 disables it).
/// </summary>
/// <param name="Duplicate">Extra re-sends of clean events, per generated event (--dup-rate).</param>
/// <param name="Late">Events sent well past their event time, per generated event (--late-rate).</param>
/// <param name="Bad">Events replaced by a record the processor must reject, per generated event (--bad-rate).</param>
public sealed record DirtRates(double Duplicate, double Late, double Bad)
{
    /// <summary>The defaults: 2% duplicates, 1% late, 1% bad.</summary>
    public static DirtRates Default { get; } = new(0.02, 0.01, 0.01);

    /// <summary>No dirt at all.</summary>
    public static DirtRates None { get; } = new(0, 0, 0);

    /// <summary>Checks the rates.</summary>
    /// <exception cref="UsageException">A rate is outside [0, 0.5], or late + bad + duplicate exceed 0.9.</exception>
    public DirtRates Validate()
    {
        Check(Duplicate, "--dup-rate");
        Check(Late, "--late-rate");
        Check(Bad, "--bad-rate");
        if (Duplicate + Late + Bad > 0.9)
        {
            throw new UsageException($"--dup-rate + --late-rate + --bad-rate is {Duplicate + Late + Bad:0.###}; keep the sum at most 0.9.");
        }
        return this;
    }

    private static void Check(double rate, string flag)
    {
        if (!double.IsFinite(rate) || rate < 0 || rate > 0.5)
        {
            throw new UsageException($"{flag} {rate} is out of range; pass a fraction from 0 to 0.5 (e.g. 0.02).");
        }
    }
}
