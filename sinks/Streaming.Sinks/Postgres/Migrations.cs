namespace Streaming.Sinks.Postgres;

/// <summary>
/// The sink's schema, as an append-only list of migrations. Never edit an applied migration; add a new version.
/// </summary>
/// <remarks>
/// Timestamps are <c>timestamptz</c> (UTC instants; the contract's epoch milliseconds fit exactly, since Postgres keeps
/// microseconds), so SQL users get dates without arithmetic. <c>sink_offsets.next_offset</c> is the next offset to read.
/// </remarks>
public static class Migrations
{
    /// <summary>All migrations, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "result tables and sink offsets", """
            CREATE TABLE trip_city_hourly (
                city             text             NOT NULL,
                window_start     timestamptz      NOT NULL,
                window_end       timestamptz      NOT NULL,
                trips            bigint           NOT NULL,
                fare_sum         double precision NOT NULL,
                fare_avg         double precision NOT NULL,
                fare_min         double precision NOT NULL,
                fare_max         double precision NOT NULL,
                distance_km_sum  double precision NOT NULL,
                avg_duration_s   double precision NOT NULL,
                PRIMARY KEY (city, window_start)
            );
            CREATE TABLE flagged_messages (
                message_id     text        PRIMARY KEY,
                sender_id      text        NOT NULL,
                receiver_id    text        NOT NULL,
                text           text        NOT NULL,
                sent_at        timestamptz NOT NULL,
                matched_words  text[]      NOT NULL
            );
            CREATE INDEX flagged_messages_sender_sent_at ON flagged_messages (sender_id, sent_at);
            CREATE TABLE sender_strike_status (
                sender_id          text             PRIMARY KEY,
                active_strikes     integer          NOT NULL,
                level              integer          NOT NULL,
                salary_multiplier  double precision NOT NULL,
                status             text             NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
                cooldown_until     timestamptz      NULL,
                as_of              timestamptz      NOT NULL,
                source_offset      bigint           NOT NULL
            );
            CREATE TABLE sink_offsets (
                sink         text        NOT NULL,
                topic        text        NOT NULL,
                partition    integer     NOT NULL,
                next_offset  bigint      NOT NULL CHECK (next_offset >= 0),
                updated_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (sink, topic, partition)
            );
            """),
    ];
}
