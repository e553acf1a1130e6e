using Confluent.Kafka;
using Streamiz.Kafka.Net;

namespace Streaming.Processor.Streams;

/// <summary>
/// Streamiz's three exception handlers, set explicitly (STYLE, Exception categories). A bad input record is data, not
/// an exception: sources read bytes and our ingest rejects it to <c>*.rejected</c>, so none of these ever sees one.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Deserialization: FAIL. Only our own internal records are deserialized by Streamiz (the city repartition
/// topic and store changelogs); bytes there that do not decode mean a broken deployment, and skipping them would lose
/// trips from a window.</item>
/// <item>Production: FAIL. An output that cannot be written must not be skipped: the transaction aborts and the input
/// is read again.</item>
/// <item>Inner (an exception in our processors): FAIL. It is a bug or a broken dependency; the thread stops with
/// the message naming it instead of skipping records.</item>
/// </list>
/// </remarks>
public static class PipelineExceptionHandlers
{
    public static void Apply(IStreamConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.DeserializationExceptionHandler = (_, _, _) => ExceptionHandlerResponse.FAIL;
        config.ProductionExceptionHandler = _ => ProductionExceptionHandlerResponse.FAIL;
        config.InnerExceptionHandler = _ => ExceptionHandlerResponse.FAIL;
    }
}
