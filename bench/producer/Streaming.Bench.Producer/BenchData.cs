using Streaming.Producer.Generation;

namespace Streaming.Bench.Producer;

/// <summary>The benchmark's records: what <c>producer generate</c> sends for the given counts and seed 42.</summary>
internal static class BenchData
{
    public static IReadOnlyList<ProducerRecord> Generate(int trips, int messages, string repo)
    {
        var vocabulary = WordList.Load(Path.Combine(repo, "data", "vocabulary.txt")).Words;
        var marked = WordList.Load(Path.Combine(repo, "data", "marked-words.txt")).Words;
        var settings = new GeneratorSettings(trips, messages, GenerationWindow.FromDate(new DateOnly(2025, 9, 1), 14), 42, DirtRates.Default, vocabulary, marked);
        return new SyntheticDataGenerator(settings).Generate();
    }
}
