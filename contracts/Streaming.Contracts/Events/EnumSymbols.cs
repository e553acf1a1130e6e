namespace Streaming.Contracts.Events;

/// <summary>Maps the domain enums to and from their Avro/JSON symbols.</summary>
public static class EnumSymbols
{
    /// <summary>Avro symbols of <see cref="SenderStatus"/>, indexed by the enum value.</summary>
    public static IReadOnlyList<string> SenderStatusSymbols { get; } = ["ACTIVE", "INACTIVE"];

    /// <summary>Avro symbols of <see cref="LateReason"/>, indexed by the enum value.</summary>
    public static IReadOnlyList<string> LateReasonSymbols { get; } = ["window_closed", "beyond_dedup_horizon"];

    /// <summary>The Avro symbol of a sender status.</summary>
    public static string ToSymbol(this SenderStatus status) => SenderStatusSymbols[CheckIndex((int)status, SenderStatusSymbols.Count, nameof(SenderStatus))];

    /// <summary>The Avro symbol of a late reason.</summary>
    public static string ToSymbol(this LateReason reason) => LateReasonSymbols[CheckIndex((int)reason, LateReasonSymbols.Count, nameof(LateReason))];

    /// <summary>Parses an Avro symbol (exact, case-sensitive) into a sender status.</summary>
    /// <exception cref="FormatException">The symbol is not ACTIVE or INACTIVE.</exception>
    public static SenderStatus ParseSenderStatus(string symbol) => symbol switch
    {
        "ACTIVE" => SenderStatus.Active,
        "INACTIVE" => SenderStatus.Inactive,
        _ => throw new FormatException($"'{symbol}' is not a SenderStatus symbol (expected ACTIVE or INACTIVE)."),
    };

    /// <summary>Parses an Avro symbol (exact, case-sensitive) into a late reason.</summary>
    /// <exception cref="FormatException">The symbol is not window_closed or beyond_dedup_horizon.</exception>
    public static LateReason ParseLateReason(string symbol) => symbol switch
    {
        "window_closed" => LateReason.WindowClosed,
        "beyond_dedup_horizon" => LateReason.BeyondDedupHorizon,
        _ => throw new FormatException($"'{symbol}' is not a LateReason symbol (expected window_closed or beyond_dedup_horizon)."),
    };

    private static int CheckIndex(int value, int count, string enumName) =>
        (uint)value < (uint)count ? value : throw new ArgumentOutOfRangeException(enumName, value, $"{value} is not a defined {enumName} value.");
}
