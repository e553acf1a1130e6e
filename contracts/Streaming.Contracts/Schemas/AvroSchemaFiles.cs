using System.Reflection;

namespace Streaming.Contracts.Schemas;

/// <summary>
/// The project's Avro schemas (the <c>.avsc</c> files of this folder, embedded as resources) as JSON text.
/// </summary>
public static class AvroSchemaFiles
{
    /// <summary>Schema of <c>TripEvent</c>.</summary>
    public static string TripEvent { get; } = Load("TripEvent.avsc");

    /// <summary>Schema of <c>MessageEvent</c>.</summary>
    public static string MessageEvent { get; } = Load("MessageEvent.avsc");

    /// <summary>Schema of <c>CityHourly</c>.</summary>
    public static string CityHourly { get; } = Load("CityHourly.avsc");

    /// <summary>Schema of <c>FlaggedMessage</c>.</summary>
    public static string FlaggedMessage { get; } = Load("FlaggedMessage.avsc");

    /// <summary>Schema of <c>StrikeStatus</c>.</summary>
    public static string StrikeStatus { get; } = Load("StrikeStatus.avsc");

    /// <summary>Schema of <c>Rejected</c>.</summary>
    public static string Rejected { get; } = Load("Rejected.avsc");

    /// <summary>Schema of <c>TripLate</c> (embeds TripEvent).</summary>
    public static string TripLate { get; } = Load("TripLate.avsc");

    /// <summary>Schema of <c>MessageLate</c> (embeds MessageEvent).</summary>
    public static string MessageLate { get; } = Load("MessageLate.avsc");

    /// <summary>Schema of string keys.</summary>
    public static string StringKey { get; } = "\"string\"";

    /// <summary>
    /// Every project schema in a fixed order. The mock schema registry seeds these as ids 1..N in this order, so
    /// separate processes agree on ids. Append only; never reorder.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [TripEvent, MessageEvent, CityHourly, FlaggedMessage, StrikeStatus, Rejected, TripLate, MessageLate, StringKey];

    private static string Load(string fileName)
    {
        var name = "Streaming.Contracts.Schemas." + fileName;
        using var stream = typeof(AvroSchemaFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema resource '{name}' is missing from {typeof(AvroSchemaFiles).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
