using System.Globalization;

namespace Streaming.Bench.Producer;

/// <summary>Command-line options of the producer benchmark.</summary>
internal sealed record BenchOptions(string Bootstrap, int Trips, int Messages, int Runs, int AvroRecords, int AvroRuns, string Repo)
{
    public static BenchOptions Parse(string[] args)
    {
        var bootstrap = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP");
        int trips = 200_000, messages = 40_000, runs = 7, avroRecords = 200_000, avroRuns = 5;
        var repo = Directory.GetCurrentDirectory();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--bootstrap": bootstrap = Next(); break;
                case "--trips": trips = NextInt(); break;
                case "--messages": messages = NextInt(); break;
                case "--runs": runs = NextInt(); break;
                case "--avro-records": avroRecords = NextInt(); break;
                case "--avro-runs": avroRuns = NextInt(); break;
                case "--repo": repo = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}; options: --bootstrap --trips --messages --runs --avro-records --avro-runs --repo");
            }
        }
        if (string.IsNullOrEmpty(bootstrap))
        {
            throw new ArgumentException("KAFKA_BOOTSTRAP is not set and --bootstrap not given; run scripts/dev.sh up and source .dev/env");
        }
        return new BenchOptions(bootstrap, trips, messages, runs, avroRecords, avroRuns, repo);
    }
}
