using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class TripValidatorTests
{
    private readonly TripValidator _validator = new(Options);

    [Fact]
    public void ShouldAcceptAValidTrip()
    {
        _validator.Validate(Trip(), partitionStreamTime: T0).Should().BeNull();
    }

    [Theory]
    [InlineData(null, "Berlin", "trip_id is missing.")]
    [InlineData("", "Berlin", "trip_id is empty ('').")]
    [InlineData("  ", "Berlin", "trip_id is empty ('  ').")]
    [InlineData("t1", null, "city is missing.")]
    [InlineData("t1", "\t", "city is empty ('\t').")]
    public void ShouldRejectAMissingOrEmptyRequiredField(string? id, string? city, string detail)
    {
        var trip = Trip() with { TripId = id!, City = city! };

        _validator.Validate(trip, T0).Should().Be(new ValidationFailure(RejectReasons.MissingField, detail));
    }

    [Fact]
    public void ShouldRejectADropoffBeforePickup()
    {
        var failure = _validator.Validate(Trip(pickup: T0, dropoff: T0 - 1), T0);

        failure!.Reason.Should().Be(RejectReasons.NegativeDuration);
        failure.Detail.Should().Be("dropoff_ts 1756684799999 (2025-08-31T23:59:59.999Z) is before pickup_ts 1756684800000 (2025-09-01T00:00:00.000Z).");
    }

    [Fact]
    public void ShouldAcceptAZeroDurationTrip()
    {
        _validator.Validate(Trip(pickup: T0, dropoff: T0), T0).Should().BeNull();
    }

    [Fact]
    public void ShouldAcceptExactly24HoursAndRejectOneMillisecondMore()
    {
        _validator.Validate(Trip(pickup: T0, dropoff: T0 + Day), T0).Should().BeNull();

        var failure = _validator.Validate(Trip(pickup: T0, dropoff: T0 + Day + 1), T0);

        failure!.Reason.Should().Be(RejectReasons.DurationTooLong);
        failure.Detail.Should().Be("trip lasts 86400001 ms (dropoff_ts - pickup_ts), more than 24 h (86400000 ms).");
    }

    [Fact]
    public void ShouldRejectADurationThatOverflows()
    {
        _validator.Validate(Trip(pickup: long.MinValue + 5, dropoff: long.MaxValue), null)!.Reason.Should().Be(RejectReasons.DurationTooLong);
    }

    [Theory]
    [InlineData(-0.01, "distance_km is -0.01; expected a finite number ≥ 0.")]
    [InlineData(double.NaN, "distance_km is NaN; expected a finite number ≥ 0.")]
    [InlineData(double.PositiveInfinity, "distance_km is Infinity; expected a finite number ≥ 0.")]
    public void ShouldRejectANegativeOrNonFiniteDistance(double distance, string detail)
    {
        _validator.Validate(Trip(distanceKm: distance), T0).Should().Be(new ValidationFailure(RejectReasons.NegativeDistance, detail));
    }

    [Theory]
    [InlineData(-3.5, "fare is -3.5; expected a finite number ≥ 0.")]
    [InlineData(double.NegativeInfinity, "fare is -Infinity; expected a finite number ≥ 0.")]
    public void ShouldRejectANegativeOrNonFiniteFare(double fare, string detail)
    {
        _validator.Validate(Trip(fare: fare), T0).Should().Be(new ValidationFailure(RejectReasons.NegativeFare, detail));
    }

    [Fact]
    public void ShouldAcceptZeroDistanceAndZeroFare()
    {
        _validator.Validate(Trip(distanceKm: 0, fare: 0), T0).Should().BeNull();
    }

    [Fact]
    public void ShouldRejectAPickupMoreThanOneDayAheadOfStreamTime()
    {
        var streamTime = T0;

        _validator.Validate(Trip(pickup: streamTime + Day), streamTime).Should().BeNull();
        var failure = _validator.Validate(Trip(pickup: streamTime + Day + 1), streamTime);

        failure!.Reason.Should().Be(RejectReasons.FutureTimestamp);
        failure.Detail.Should().Be(
            "pickup_ts = 1756771200001 (2025-09-02T00:00:00.001Z) is more than 86400000 ms ahead of the partition's stream time 1756684800000 (2025-09-01T00:00:00.000Z).");
    }

    [Fact]
    public void ShouldNotJudgeTheFirstRecordOfAPartitionAsFuture()
    {
        _validator.Validate(Trip(pickup: T0 + 365 * Day), partitionStreamTime: null).Should().BeNull();
    }

    [Fact]
    public void ShouldReportTheFirstFailureInTheDocumentedOrder()
    {
        var trip = new TripEvent("", "Berlin", T0 + 10 * Day, T0, -1, -1);

        _validator.Validate(trip, T0)!.Reason.Should().Be(RejectReasons.MissingField);
        _validator.Validate(trip with { TripId = "t" }, T0)!.Reason.Should().Be(RejectReasons.NegativeDuration);
        _validator.Validate(trip with { TripId = "t", DropoffTs = T0 + 10 * Day }, T0)!.Reason.Should().Be(RejectReasons.NegativeDistance);
        _validator.Validate(trip with { TripId = "t", DropoffTs = T0 + 10 * Day, DistanceKm = 1 }, T0)!.Reason.Should().Be(RejectReasons.NegativeFare);
        _validator.Validate(trip with { TripId = "t", DropoffTs = T0 + 10 * Day, DistanceKm = 1, Fare = 1 }, T0)!.Reason.Should().Be(RejectReasons.FutureTimestamp);
    }

    [Fact]
    public void ShouldUseTheConfiguredFutureTolerance()
    {
        var validator = new TripValidator(new ProcessorOptions { FutureTolerance = TimeSpan.FromMinutes(5) });

        validator.Validate(Trip(pickup: T0 + 5 * Minute), T0).Should().BeNull();
        validator.Validate(Trip(pickup: T0 + 5 * Minute + 1), T0)!.Reason.Should().Be(RejectReasons.FutureTimestamp);
    }
}
