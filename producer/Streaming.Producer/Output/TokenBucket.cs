using System.Diagnostics;

namespace Streaming.Producer.Output;

/// <summary>
/// Limits events per second (--rate): a token bucket refilled at the rate, holding at most a tenth of a second of
/// tokens, so bursts stay short. Only pacing uses the clock; what is sent never depends on it.
/// </summary>
/// <remarks>Not thread-safe; the send loop owns it.</remarks>
internal sealed class TokenBucket
{
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _tokens;
    private double _lastSeconds;

    /// <summary>Creates a bucket for a positive rate in events per second.</summary>
    public TokenBucket(double ratePerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        _ratePerSecond = ratePerSecond;
        _capacity = Math.Max(1.0, ratePerSecond / 10.0);
        _tokens = 1.0;
    }

    /// <summary>Takes one token, sleeping until one is available.</summary>
    public void Take(CancellationToken cancellationToken)
    {
        while (true)
        {
            Refill();
            if (_tokens >= 1.0)
            {
                _tokens -= 1.0;
                return;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var waitSeconds = (1.0 - _tokens) / _ratePerSecond;
            Thread.Sleep(TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0.001, 0.1)));
        }
    }

    private void Refill()
    {
        var now = _clock.Elapsed.TotalSeconds;
        _tokens = Math.Min(_capacity, _tokens + ((now - _lastSeconds) * _ratePerSecond));
        _lastSeconds = now;
    }
}
