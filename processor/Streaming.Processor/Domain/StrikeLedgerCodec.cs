namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="StrikeLedger"/> state: version 1; sender id; flags (bit 0 INACTIVE, bit 1 has last as_of);
/// last as_of int64; counters added, expired, expired_on_arrival, duplicates (int64 each); active strikes (count, then
/// message id, sent_at, expires_at each, oldest expiry first); remembered ids (count, then message id and sent_at each,
/// ordinal id order). Strings are length-prefixed UTF-8, numbers big-endian.
/// </summary>
/// <remarks>The thresholds are not stored: <see cref="Decode"/> takes the current <see cref="ProcessorOptions"/>.</remarks>
public static class StrikeLedgerCodec
{
    private const byte Version = 1;
    private const byte InactiveFlag = 1;
    private const byte HasLastAsOfFlag = 2;

    /// <summary>Encodes a ledger.</summary>
    public static byte[] Encode(StrikeLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var flags = (byte)((ledger.IsInactive ? InactiveFlag : 0) | (ledger.LastAsOf.HasValue ? HasLastAsOfFlag : 0));
        var counters = ledger.Counters;
        var writer = new StateWriter()
            .WriteByte(Version)
            .WriteString(ledger.SenderId)
            .WriteByte(flags)
            .WriteInt64(ledger.LastAsOf ?? 0)
            .WriteInt64(counters.Added)
            .WriteInt64(counters.Expired)
            .WriteInt64(counters.ExpiredOnArrival)
            .WriteInt64(counters.Duplicates)
            .WriteInt32(ledger.ActiveStrikes.Count);
        foreach (var strike in ledger.ActiveStrikes)
        {
            writer.WriteString(strike.MessageId).WriteInt64(strike.SentAt).WriteInt64(strike.ExpiresAt);
        }
        writer.WriteInt32(ledger.SeenMessageIds.Count);
        foreach (var (id, sentAt) in ledger.SeenMessageIds)
        {
            writer.WriteString(id).WriteInt64(sentAt);
        }
        return writer.ToArray();
    }

    /// <summary>Decodes a ledger, using <paramref name="options"/> for its thresholds.</summary>
    /// <exception cref="StateCodecException">The bytes are not a version-1 ledger.</exception>
    public static StrikeLedger Decode(ReadOnlySpan<byte> data, ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reader = new StateReader(data, nameof(StrikeLedger));
        reader.ExpectVersion(Version);
        var senderId = reader.ReadString();
        var flags = reader.ReadByte();
        if ((flags & ~(InactiveFlag | HasLastAsOfFlag)) != 0)
        {
            throw new StateCodecException($"{nameof(StrikeLedger)} state of sender '{senderId}' has unknown flags {flags}.");
        }
        var lastAsOf = reader.ReadInt64();
        var counters = new StrikeCounters(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        var active = new ActiveStrike[reader.ReadCount("active strike")];
        for (var i = 0; i < active.Length; i++)
        {
            active[i] = new ActiveStrike(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
        }
        var seen = new KeyValuePair<string, long>[reader.ReadCount("remembered id")];
        for (var i = 0; i < seen.Length; i++)
        {
            seen[i] = new KeyValuePair<string, long>(reader.ReadString(), reader.ReadInt64());
        }
        reader.ExpectEnd();
        return StrikeLedger.FromParts(
            senderId,
            options,
            active,
            seen,
            (flags & InactiveFlag) != 0,
            (flags & HasLastAsOfFlag) != 0 ? lastAsOf : null,
            counters);
    }
}
