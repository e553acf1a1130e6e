using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class MessageValidatorTests
{
    private readonly MessageValidator _validator = new(Options);

    [Fact]
    public void ShouldAcceptAValidMessage()
    {
        _validator.Validate(Message(), T0).Should().BeNull();
    }

    [Theory]
    [InlineData("message_id")]
    [InlineData("sender_id")]
    [InlineData("receiver_id")]
    [InlineData("text")]
    public void ShouldRejectEachMissingRequiredField(string field)
    {
        var message = Message();
        MessageEvent Without(string? value) => field switch
        {
            "message_id" => message with { MessageId = value! },
            "sender_id" => message with { SenderId = value! },
            "receiver_id" => message with { ReceiverId = value! },
            _ => message with { Text = value! },
        };

        _validator.Validate(Without(null), T0).Should().Be(new ValidationFailure(RejectReasons.MissingField, $"{field} is missing."));
        _validator.Validate(Without(""), T0).Should().Be(new ValidationFailure(RejectReasons.MissingField, $"{field} is empty ('')."));
        _validator.Validate(Without(" \n"), T0).Should().Be(new ValidationFailure(RejectReasons.MissingField, $"{field} is empty (' \n')."));
    }

    [Fact]
    public void ShouldRejectASentAtMoreThanOneDayAheadOfStreamTime()
    {
        _validator.Validate(Message(sentAt: T0 + Day), T0).Should().BeNull();

        var failure = _validator.Validate(Message(sentAt: T0 + Day + 1), T0);

        failure!.Reason.Should().Be(RejectReasons.FutureTimestamp);
        failure.Detail.Should().StartWith("sent_at = 1756771200001 (2025-09-02T00:00:00.001Z) is more than 86400000 ms ahead");
    }

    [Fact]
    public void ShouldAcceptAnOldMessage()
    {
        _validator.Validate(Message(sentAt: T0 - 100 * Day), T0).Should().BeNull();
    }

    [Fact]
    public void ShouldNotJudgeTheFirstRecordOfAPartitionAsFuture()
    {
        _validator.Validate(Message(sentAt: T0 + 1000 * Day), null).Should().BeNull();
    }
}
