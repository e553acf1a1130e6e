using FluentAssertions;
using Streaming.Sinks.Postgres.Tables;
using Xunit;

namespace Streaming.PostgresSink.Tests;

/// <summary>When a batch tries the direct COPY and when it merges straight away.</summary>
public sealed class DirectCopyPolicyTests
{
    [Fact]
    public void ShouldMergeForDoublingStreaksAfterConflictsAndTryDirectAgainAfterEach()
    {
        var policy = new DirectCopyPolicy();
        var decisions = new List<bool>();
        void Next(int count)
        {
            for (var i = 0; i < count; i++)
            {
                decisions.Add(policy.TryDirectCopy());
            }
        }

        Next(2);                 // new keys: direct, direct
        policy.Conflicted();     // streak 1
        Next(2);                 // merge once, then direct
        policy.Conflicted();     // streak 2
        Next(3);                 // merge twice, then direct
        policy.Conflicted();     // streak 4
        Next(5);
        policy.Succeeded();      // keys new again: the streak starts over
        policy.Conflicted();
        Next(2);

        decisions.Should().Equal(true, true, false, true, false, false, true, false, false, false, false, true, false, true);
    }

    [Fact]
    public void ShouldNeverMergeForMoreThanSixtyFourBatchesInARow()
    {
        var policy = new DirectCopyPolicy();
        for (var i = 0; i < 12; i++)
        {
            policy.Conflicted();
        }

        var merges = 0;
        while (!policy.TryDirectCopy())
        {
            merges++;
        }

        merges.Should().Be(64);
    }
}
