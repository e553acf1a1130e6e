using FsCheck;
using FsCheck.Fluent;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Tests.Support;

/// <summary>FsCheck generators of contract records, biased towards edge values.</summary>
internal static class Generators
{
    public static Gen<string> Text { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get),
        Gen.Elements(string.Empty, ContractSamples.Emoji, ContractSamples.Cjk, ContractSamples.Combining, ContractSamples.Rtl, "a"));

    public static Gen<string?> OptionalText { get; } = Gen.OneOf(Gen.Constant<string?>(null), Text.Select(s => (string?)s));

    public static Gen<long> Long { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<long>(),
        Gen.Elements(0L, -1L, 1L, 63L, 64L, -64L, -65L, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, 1756684800000L));

    public static Gen<int> Int { get; } = Gen.OneOf(ArbMap.Default.GeneratorFor<int>(), Gen.Elements(0, -1, int.MinValue, int.MaxValue, 10));

    public static Gen<double> Double { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<double>(),
        Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, 0.1));

    public static Gen<byte[]?> OptionalBytes { get; } = Gen.OneOf(Gen.Constant<byte[]?>(null), ArbMap.Default.GeneratorFor<byte[]>().Select(b => (byte[]?)b));

    public static Gen<TripEvent> Trip { get; } =
        from id in Text
        from city in Text
        from pickup in Long
        from dropoff in Long
        from distance in Double
        from fare in Double
        from driver in OptionalText
        from rider in OptionalText
        from payment in OptionalText
        select new TripEvent(id, city, pickup, dropoff, distance, fare, driver, rider, payment);

    public static Gen<MessageEvent> Message { get; } =
        from id in Text
        from sender in Text
        from receiver in Text
        from text in Text
        from sentAt in Long
        select new MessageEvent(id, sender, receiver, text, sentAt);

    public static Gen<FlaggedMessage> Flagged { get; } =
        from message in Message
        from words in Gen.ListOf(Text)
        select FlaggedMessage.From(message, words.ToList());

    public static Gen<StrikeStatus> Strike { get; } =
        from sender in Text
        from strikes in Int
        from level in Int
        from multiplier in Double
        from inactive in ArbMap.Default.GeneratorFor<bool>()
        from cooldown in Gen.OneOf(Gen.Constant<long?>(null), Long.Select(l => (long?)l))
        from asOf in Long
        select new StrikeStatus(sender, strikes, level, multiplier, inactive ? SenderStatus.Inactive : SenderStatus.Active, cooldown, asOf);

    public static Gen<Rejected> Rejected { get; } =
        from topic in Text
        from partition in Int
        from offset in Long
        from reason in Gen.Elements(RejectReasons.All.ToArray())
        from detail in Text
        from key in OptionalBytes
        from value in OptionalBytes
        select new Rejected(topic, partition, offset, reason, detail, key, value);

    public static Gen<CityHourly> CityHourly { get; } =
        from city in Text
        from start in Long
        from end in Long
        from trips in Long
        from sum in Double
        from avg in Double
        from min in Double
        from max in Double
        from distance in Double
        from duration in Double
        select new CityHourly(city, start, end, trips, sum, avg, min, max, distance, duration);

    public static Gen<LateReason> Reason { get; } = Gen.Elements(LateReason.WindowClosed, LateReason.BeyondDedupHorizon);

    public static Gen<TripLate> TripLate { get; } =
        from trip in Trip
        from watermark in Long
        from reason in Reason
        select new TripLate(trip, watermark, reason);

    public static Gen<MessageLate> MessageLate { get; } =
        from message in Message
        from watermark in Long
        from reason in Reason
        select new MessageLate(message, watermark, reason);
}
