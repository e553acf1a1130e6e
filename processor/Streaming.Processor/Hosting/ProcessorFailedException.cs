namespace Streaming.Processor.Hosting;

/// <summary>The stream application stopped with an error; the message says which.</summary>
public sealed class ProcessorFailedException(string message, Exception? inner = null) : Exception(message, inner);
