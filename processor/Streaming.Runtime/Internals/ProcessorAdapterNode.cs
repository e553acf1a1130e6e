namespace Streaming.Runtime;

/// <summary>Runs a user <see cref="IProcessor{TKey, TValue}"/>; user exceptions fail the task with the record's coordinates.</summary>
internal sealed class ProcessorAdapterNode<TKey, TValue>(string name, IProcessor<TKey, TValue> processor) : ProcessorNode(name), IRecordReceiver<TKey, TValue>, IWatermarkAware
{
    private ProcessorContextImpl? _context;

    public override string InputType => TypeName<TKey, TValue>();

    public override void Init(ProcessorContextImpl context)
    {
        _context = context;
        Guard("Init", () => processor.Init(context));
    }

    public void Receive(Record<TKey, TValue> record)
    {
        try
        {
            processor.Process(record);
        }
        catch (Exception ex) when (ex is not StreamsException)
        {
            throw Wrap("process", ex);
        }
    }

    public override void OnWatermark(long watermark)
    {
        try
        {
            processor.OnWatermark(watermark);
        }
        catch (Exception ex) when (ex is not StreamsException)
        {
            throw Wrap("OnWatermark", ex);
        }
    }

    public override void OnEndOfInput() => Guard("OnEndOfInput", processor.OnEndOfInput);

    public override void Flush() => Guard("Flush", processor.Flush);

    public override void Close() => Guard("Close", processor.Close);

    private void Guard(string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not StreamsException)
        {
            throw Wrap(what, ex);
        }
    }

    private StreamsException Wrap(string what, Exception ex)
    {
        var meta = _context?.RecordMetadata;
        var where = meta is null ? "" : $" at topic={meta.Topic} partition={meta.Partition} offset={meta.Offset}";
        return new StreamsException($"Exception caught in {what} of processor '{Name}' in task {_context?.TaskId.ToString() ?? "?"}{where}: {ex.Message}", ex);
    }
}
