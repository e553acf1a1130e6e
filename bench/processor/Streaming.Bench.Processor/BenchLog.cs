using Confluent.Kafka;

namespace Streaming.Bench.Processor;

/// <summary>librdkafka's log lines on standard error, where run.sh looks for offset resets.</summary>
internal static class BenchLog
{
    public static void Client(IClient client, LogMessage message) =>
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {message.Level} {message.Facility} {client.Name}: {message.Message}");
}
