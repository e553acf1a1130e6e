namespace Streaming.Producer.Generation;

/// <summary>Everything <see cref="SyntheticDataGenerator"/> needs; the output is a pure function of these.</summary>
/// <param name="Trips">Number of trips to generate (each becomes clean, late or bad).</param>
/// <param name="Messages">Number of messages to generate (each becomes clean, late or bad).</param>
/// <param name="Window">The event-time span.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Dirt">Dirt rates.</param>
/// <param name="Vocabulary">Ordinary words for message texts.</param>
/// <param name="MarkedWords">Marked words planted in about 2% of messages.</param>
public sealed record GeneratorSettings(
    int Trips,
    int Messages,
    GenerationWindow Window,
    long Seed,
    DirtRates Dirt,
    IReadOnlyList<string> Vocabulary,
    IReadOnlyList<string> MarkedWords);
