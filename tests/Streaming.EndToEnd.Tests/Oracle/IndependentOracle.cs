using System.Text.Json;
using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Oracle;

/// <summary>
/// Runs oracle.mjs (node, with avsc from the repository's node_modules) over the producer's JSONL. The script shares no
/// code with the processor; it is given only the input file, the partition counts read from the broker, the
/// marked-words file and the two input schemas.
/// </summary>
public static class IndependentOracle
{
    public static async Task<OracleResult> ComputeAsync(string inputJsonl, int tripsPartitions, int messagesPartitions, string workDir)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Oracle", "oracle.mjs"));
        var output = Path.Combine(workDir, "oracle.json");
        var schemas = RepoPaths.Combine("contracts", "Streaming.Contracts", "Schemas");
        await NodeScript.RunAsync(
            script,
            [
                inputJsonl, output,
                tripsPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                messagesPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RepoPaths.Combine("data", "marked-words.txt"),
                Path.Combine(schemas, "TripEvent.avsc"),
                Path.Combine(schemas, "MessageEvent.avsc"),
            ],
            timeout: TimeSpan.FromMinutes(2));
        await using var stream = File.OpenRead(output);
        return await JsonSerializer.DeserializeAsync<OracleResult>(stream, OracleResult.JsonOptions)
            ?? throw new InvalidOperationException($"the oracle wrote no result to {output}.");
    }
}
