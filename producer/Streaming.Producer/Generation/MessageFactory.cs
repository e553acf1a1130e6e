using System.Globalization;
using System.Text;
using Streaming.Contracts.Events;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Generation;

/// <summary>
/// Makes chat messages among a population of employees. Texts are built from the vocabulary; about
/// <see cref="TargetFlaggedShare"/> of messages hold at least one marked word, planted with varied case and
/// punctuation ("Darn!", "(HECK)"). A handful of repeat offenders flag far more often than everyone else, so strike
/// counts build up and some senders reach the 10-strike INACTIVE rule over two weeks.
/// </summary>
public sealed class MessageFactory
{
    /// <summary>Number of employees (ids emp-001 … emp-200).</summary>
    public const int EmployeeCount = 200;

    /// <summary>Share of messages with at least one marked word.</summary>
    public const double TargetFlaggedShare = 0.02;

    // Repeat offenders' own flag probabilities, from heavy (goes INACTIVE) to light (hovers at a few strikes).
    private static readonly double[] s_offenderFlagProbabilities = [0.35, 0.30, 0.25, 0.15, 0.10, 0.06];
    private const double OffenderActivity = 1.5;

    private static readonly string[] s_endings = [".", ".", ".", "?", "!", "", "…"];
    private static readonly string[] s_wrappings = ["{0}", "{0}", "{0}!", "{0},", "{0}.", "({0})", "“{0}”", "\"{0}\"", "{0}...", "{0}?!", "*{0}*"];

    private readonly DeterministicRandom _random;
    private readonly DailyCurve _curve;
    private readonly IReadOnlyList<string> _vocabulary;
    private readonly IReadOnlyList<string> _markedWords;
    private readonly string _idPrefix;
    private readonly string[] _employees;
    private readonly double[] _senderCumulative;
    private readonly double[] _flagProbability;

    /// <summary>Creates the factory.</summary>
    /// <param name="random">This stream's random source.</param>
    /// <param name="window">The event-time span.</param>
    /// <param name="seed">The run's seed; part of every message id.</param>
    /// <param name="vocabulary">Ordinary words; none may be a marked word.</param>
    /// <param name="markedWords">The marked (flagged) words.</param>
    /// <exception cref="UsageException">A vocabulary word is also a marked word.</exception>
    public MessageFactory(DeterministicRandom random, GenerationWindow window, long seed, IReadOnlyList<string> vocabulary, IReadOnlyList<string> markedWords)
    {
        var marked = new HashSet<string>(markedWords, StringComparer.Ordinal);
        foreach (var word in vocabulary)
        {
            if (marked.Contains(word))
            {
                throw new UsageException($"vocabulary word '{word}' is also a marked word; remove it from one of the two word lists.");
            }
        }
        _random = random;
        _curve = DailyCurve.Messages(window);
        _vocabulary = vocabulary;
        _markedWords = markedWords;
        _idPrefix = "m" + seed.ToString(CultureInfo.InvariantCulture) + "-";

        _employees = new string[EmployeeCount];
        var activity = new double[EmployeeCount];
        for (var i = 0; i < EmployeeCount; i++)
        {
            _employees[i] = "emp-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture);
            // Chattiness varies about tenfold between the quietest and the busiest employee.
            activity[i] = 0.3 + (2.7 * random.NextDouble() * random.NextDouble());
        }

        // Offenders are drawn from the population with the seed; they chat a bit more than average.
        var meanActivity = Sum(activity) / EmployeeCount;
        _flagProbability = new double[EmployeeCount];
        var offenders = new List<int>();
        while (offenders.Count < s_offenderFlagProbabilities.Length)
        {
            var candidate = random.NextInt(EmployeeCount);
            if (!offenders.Contains(candidate))
            {
                activity[candidate] = meanActivity * OffenderActivity;
                _flagProbability[candidate] = s_offenderFlagProbabilities[offenders.Count];
                offenders.Add(candidate);
            }
        }
        Offenders = offenders.Select(i => _employees[i]).ToArray();

        // Everyone else flags at the base probability that brings the expected overall share to the target.
        var totalActivity = Sum(activity);
        double offenderActivity = 0, offenderFlaggedActivity = 0;
        foreach (var i in offenders)
        {
            offenderActivity += activity[i];
            offenderFlaggedActivity += activity[i] * _flagProbability[i];
        }
        var offenderShare = offenderActivity / totalActivity;
        var offenderFlagged = offenderFlaggedActivity / totalActivity;
        var baseProbability = Math.Max(0.0, (TargetFlaggedShare - offenderFlagged) / (1.0 - offenderShare));
        for (var i = 0; i < EmployeeCount; i++)
        {
            if (!offenders.Contains(i))
            {
                _flagProbability[i] = baseProbability;
            }
        }

        _senderCumulative = new double[EmployeeCount];
        var sum = 0.0;
        for (var i = 0; i < EmployeeCount; i++)
        {
            sum += activity[i];
            _senderCumulative[i] = sum;
        }
    }

    /// <summary>The repeat offenders' sender ids, heaviest first.</summary>
    public IReadOnlyList<string> Offenders { get; }

    /// <summary>The message with 0-based number <paramref name="index"/> (ids are <c>m{seed}-{index+1:D7}</c>).</summary>
    public MessageEvent Create(int index)
    {
        var sender = _random.NextWeighted(_senderCumulative);
        var receiver = _random.NextInt(EmployeeCount - 1);
        if (receiver >= sender)
        {
            receiver++; // never to oneself
        }
        var sentAt = _curve.Sample(_random);
        var flagged = _random.Chance(_flagProbability[sender]);
        return new MessageEvent(
            _idPrefix + (index + 1).ToString("D7", CultureInfo.InvariantCulture),
            _employees[sender],
            _employees[receiver],
            ComposeText(flagged),
            sentAt);
    }

    private string ComposeText(bool flagged)
    {
        var count = _random.NextInt(3, 19);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = _random.Pick(_vocabulary);
        }
        if (flagged)
        {
            var plants = _random.Chance(0.15) ? 2 : 1;
            for (var p = 0; p < plants; p++)
            {
                var position = _random.NextInt(count);
                words[position] = StyleMarkedWord(_random.Pick(_markedWords));
            }
        }
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(i == count / 2 && _random.Chance(0.3) ? ", " : " ");
            }
            text.Append(i == 0 ? Capitalize(words[i]) : words[i]);
        }
        text.Append(_random.Pick(s_endings));
        return text.ToString();
    }

    // Varied case and punctuation, never apostrophes: an apostrophe would join the token ("'darn'" ≠ "darn").
    private string StyleMarkedWord(string word)
    {
        var casing = _random.NextInt(10);
        var cased = casing < 5 ? word : casing < 8 ? Capitalize(word) : word.ToUpperInvariant();
        return string.Format(CultureInfo.InvariantCulture, _random.Pick(s_wrappings), cased);
    }

    // A plain left-to-right loop: the result must not depend on how a library vectorizes floating-point sums.
    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }
        return sum;
    }

    private static string Capitalize(string word)
    {
        if (word.Length == 0 || !char.IsLetter(word[0]))
        {
            return word;
        }
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
