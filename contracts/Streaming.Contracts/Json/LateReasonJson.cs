using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>Reads the <c>reason</c> field of the late records.</summary>
internal static class LateReasonJson
{
    public static LateReason Read(JsonElement element, string record)
    {
        var text = JsonFields.RequiredString(element, record, "reason");
        try
        {
            return EnumSymbols.ParseLateReason(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"{record} field 'reason': {ex.Message}", ex);
        }
    }
}
