namespace Streaming.Runtime;

/// <summary>Decides what happens to a source record that cannot be deserialized.</summary>
/// <remarks>Runs on the stream thread of the task that read the record.</remarks>
public interface IDeserializationExceptionHandler
{
    /// <summary>Returns fail, skip or route.</summary>
    DeserializationHandlerResponse Handle(DeserializationFailure failure);
}

/// <summary>Built-in handlers.</summary>
public static class DeserializationExceptionHandlers
{
    /// <summary>Fails the task (the default).</summary>
    public static IDeserializationExceptionHandler LogAndFail { get; } = new DelegateHandler(_ => DeserializationHandlerResponse.Fail());

    /// <summary>Uses a delegate.</summary>
    public static IDeserializationExceptionHandler From(Func<DeserializationFailure, DeserializationHandlerResponse> handle) => new DelegateHandler(handle);

    /// <summary>
    /// Routes the raw key and value to <paramref name="topic"/> with headers <c>reason</c>, <c>source.topic</c>,
    /// <c>source.partition</c>, <c>source.offset</c>.
    /// </summary>
    public static IDeserializationExceptionHandler RouteRawTo(string topic, string reason = "deserialization_failed") => new DelegateHandler(f =>
    {
        var headers = new Confluent.Kafka.Headers
        {
            { "reason", System.Text.Encoding.UTF8.GetBytes(reason) },
            { "source.topic", System.Text.Encoding.UTF8.GetBytes(f.Topic) },
            { "source.partition", System.Text.Encoding.UTF8.GetBytes(f.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
            { "source.offset", System.Text.Encoding.UTF8.GetBytes(f.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        };
        return DeserializationHandlerResponse.Route(topic, f.RawKey, f.RawValue, headers);
    });

    private sealed class DelegateHandler(Func<DeserializationFailure, DeserializationHandlerResponse> handle) : IDeserializationExceptionHandler
    {
        public DeserializationHandlerResponse Handle(DeserializationFailure failure) => handle(failure);
    }
}
