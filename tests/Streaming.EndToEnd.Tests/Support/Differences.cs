using System.Text;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// Collects every difference between the oracle and the processor's outputs, so one run reports all of them (the
/// first few records of each), then fails once.
/// </summary>
public sealed class Differences
{
    private const int Shown = 5;
    private readonly List<string> _found = [];
    private readonly List<string> _checked = [];

    /// <summary>What was compared and matched, for the test output.</summary>
    public IReadOnlyList<string> Checked => _checked;

    public void Equal<T>(string what, T expected, T actual)
    {
        if (EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _checked.Add($"{what}: {actual}");
        }
        else
        {
            _found.Add($"{what}: expected {expected}, got {actual}");
        }
    }

    public void True(string what, bool condition, string detail)
    {
        if (condition)
        {
            _checked.Add(what);
        }
        else
        {
            _found.Add($"{what}: {detail}");
        }
    }

    /// <summary>Compares two multisets of canonical lines; reports the first few missing and unexpected lines, sorted.</summary>
    public void SameMultiset(string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var want = Count(expected);
        var got = Count(actual);
        var missing = Excess(want, got);
        var unexpected = Excess(got, want);
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            _checked.Add($"{what}: {want.Values.Sum()} records equal");
            return;
        }
        var text = new StringBuilder();
        text.Append($"{what}: expected {want.Values.Sum()} records, got {got.Values.Sum()}; {missing.Count} expected but missing, {unexpected.Count} unexpected.");
        foreach (var line in missing.Take(Shown))
        {
            text.Append("\n    missing:    ").Append(line);
        }
        foreach (var line in unexpected.Take(Shown))
        {
            text.Append("\n    unexpected: ").Append(line);
        }
        _found.Add(text.ToString());
    }

    /// <summary>Compares keyed sequences (for example statuses per sender in output order).</summary>
    public void SameSequences(string what, IReadOnlyDictionary<string, List<string>> expected, IReadOnlyDictionary<string, List<string>> actual)
    {
        var bad = new List<string>();
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.GetValueOrDefault(key) ?? [];
            var got = actual.GetValueOrDefault(key) ?? [];
            if (want.SequenceEqual(got, StringComparer.Ordinal))
            {
                continue;
            }
            var at = Enumerable.Range(0, Math.Min(want.Count, got.Count)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Count, got.Count));
            bad.Add($"{key}: expected {want.Count}, got {got.Count}; first difference at #{at}:"
                + $"\n      expected: {(at < want.Count ? want[at] : "<none>")}"
                + $"\n      got:      {(at < got.Count ? got[at] : "<none>")}"
                + $"\n      expected last: {(want.Count > 0 ? want[^1] : "<none>")}"
                + $"\n      got last:      {(got.Count > 0 ? got[^1] : "<none>")}");
        }
        if (bad.Count == 0)
        {
            _checked.Add($"{what}: {expected.Count} keys, {expected.Values.Sum(v => v.Count)} records equal in order");
            return;
        }
        _found.Add($"{what}: {bad.Count} of {expected.Keys.Union(actual.Keys).Count()} keys differ:\n    " + string.Join("\n    ", bad.Take(Shown)));
    }

    /// <summary>Fails with every difference found.</summary>
    public void ShouldBeNone()
    {
        if (_found.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"The processor's outputs differ from the independent oracle in {_found.Count} check(s):\n" + string.Join("\n", _found)
                + $"\n(matched: {string.Join("; ", _checked)})");
        }
    }

    private static Dictionary<string, int> Count(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }
        return counts;
    }

    private static List<string> Excess(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Where(kv => kv.Value > b.GetValueOrDefault(kv.Key))
            .SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value - b.GetValueOrDefault(kv.Key)))
            .Order(StringComparer.Ordinal)
            .ToList();
}
