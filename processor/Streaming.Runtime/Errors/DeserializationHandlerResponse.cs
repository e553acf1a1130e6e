using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>What to do with a record that failed deserialization. Routed and skipped records never advance stream time.</summary>
public sealed class DeserializationHandlerResponse
{
    private DeserializationHandlerResponse(DeserializationAction action, string? topic, byte[]? key, byte[]? value, Headers? headers)
    {
        Action = action;
        Topic = topic;
        Key = key;
        Value = value;
        Headers = headers;
    }

    /// <summary>The action.</summary>
    public DeserializationAction Action { get; }

    /// <summary>For <see cref="DeserializationAction.Route"/>: the topic the record goes to.</summary>
    public string? Topic { get; }

    /// <summary>For <see cref="DeserializationAction.Route"/>: the key bytes to write.</summary>
    public byte[]? Key { get; }

    /// <summary>For <see cref="DeserializationAction.Route"/>: the value bytes to write.</summary>
    public byte[]? Value { get; }

    /// <summary>For <see cref="DeserializationAction.Route"/>: headers to write.</summary>
    public Headers? Headers { get; }

    /// <summary>Fail the task (a <see cref="StreamsException"/> naming the record).</summary>
    public static DeserializationHandlerResponse Fail() => new(DeserializationAction.Fail, null, null, null, null);

    /// <summary>Drop the record; it is counted in metrics and logged.</summary>
    public static DeserializationHandlerResponse Skip() => new(DeserializationAction.Skip, null, null, null, null);

    /// <summary>Write the given bytes to <paramref name="topic"/> (in the task's transaction) instead of processing the record.</summary>
    public static DeserializationHandlerResponse Route(string topic, byte[]? key, byte[]? value, Headers? headers = null) =>
        new(DeserializationAction.Route, topic ?? throw new ArgumentNullException(nameof(topic)), key, value, headers);
}

/// <summary>The kind of <see cref="DeserializationHandlerResponse"/>.</summary>
public enum DeserializationAction
{
    /// <summary>Fail the task.</summary>
    Fail,

    /// <summary>Drop the record (counted).</summary>
    Skip,

    /// <summary>Send bytes to another topic.</summary>
    Route,
}
