namespace Streaming.TestSupport;

/// <summary>
/// Creates topics on the dev Kafka through its topic-request folder (<c>DEV_KAFKA_TOPIC_REQUESTS</c> in .dev/env),
/// the same way <c>scripts/dev.sh topics</c> does: the mock cluster cannot answer CreateTopics, and Streamiz needs its
/// internal topics, and the outputs of a prefixed run, before it starts.
/// </summary>
public static class DevKafkaTopics
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>Creates every topic <c>processor describe --topics <paramref name="runArgs"/></c> lists.</summary>
    /// <param name="runArgs">The run's topic flags: <c>--topic-prefix</c>, <c>--app-id</c>, <c>--output-suffix</c>.</param>
    public static async Task CreateForProcessorAsync(string processorDll, IEnumerable<string> runArgs, IReadOnlyDictionary<string, string> environment)
    {
        var describe = await ChildProcess.RunDllAsync(processorDll, ["describe", "--topics", .. runArgs], environment, s_timeout);
        if (describe.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{describe.Command}' exited {describe.ExitCode}: {describe.StderrTail()}");
        }
        await CreateAsync(describe.Stdout);
    }

    /// <summary>Creates the topics of a topics file's text (<c>name partitions</c> per line); existing ones are kept.</summary>
    public static async Task CreateAsync(string topicLines)
    {
        var folder = DevStack.Get("DEV_KAFKA_TOPIC_REQUESTS")
            ?? throw new InvalidOperationException("DEV_KAFKA_TOPIC_REQUESTS is not set and not in .dev/env; restart the dev stack with 'scripts/dev.sh down && scripts/dev.sh up'.");
        Directory.CreateDirectory(folder);
        var request = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(request + ".tmp", topicLines);
        File.Move(request + ".tmp", request + ".topics");
        var answer = request + ".done";
        var deadline = DateTime.UtcNow + s_timeout;
        while (!File.Exists(answer))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the dev Kafka did not answer the topic request {request}.topics within {s_timeout.TotalSeconds} s.");
            }
            await Task.Delay(50);
        }
        var text = (await File.ReadAllTextAsync(answer)).Trim();
        File.Delete(answer);
        if (text != "ok")
        {
            throw new InvalidOperationException("the dev Kafka could not create the topics: " + text);
        }
    }
}
