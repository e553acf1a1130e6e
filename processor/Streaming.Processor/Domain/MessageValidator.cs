using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// Validates a decoded message (DESIGN §4, Validation). Call it before the partition's stream time is advanced by the
/// message: a rejected record must never advance stream time.
/// </summary>
/// <remarks>
/// Checks run in a fixed order and the first failure wins: missing fields (message_id, sender_id, receiver_id, text;
/// null, empty or whitespace only), then future_timestamp on sent_at.
/// </remarks>
public sealed class MessageValidator
{
    private readonly long _futureToleranceMs;

    /// <summary>Creates a validator with the future tolerance of <paramref name="options"/>.</summary>
    public MessageValidator(ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _futureToleranceMs = options.FutureToleranceMs;
    }

    /// <summary>Validates a message.</summary>
    /// <param name="message">The decoded message.</param>
    /// <param name="partitionStreamTime">
    /// The source partition's stream time before this message, or null when the partition has none yet: then the future
    /// check is skipped.
    /// </param>
    /// <returns>Null when the message is valid, else the first failure.</returns>
    public ValidationFailure? Validate(MessageEvent message, long? partitionStreamTime)
    {
        ArgumentNullException.ThrowIfNull(message);
        (string Field, string? Value)[] required =
        [
            ("message_id", message.MessageId), ("sender_id", message.SenderId), ("receiver_id", message.ReceiverId), ("text", message.Text),
        ];
        foreach (var (field, value) in required)
        {
            if (ValidationText.IsMissing(value))
            {
                return new ValidationFailure(RejectReasons.MissingField, ValidationText.Missing(field, value));
            }
        }
        return ValidationText.CheckFuture("sent_at", message.SentAt, partitionStreamTime, _futureToleranceMs);
    }
}
