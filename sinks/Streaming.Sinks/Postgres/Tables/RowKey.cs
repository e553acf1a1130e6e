namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// What a table needs of an encoded row to keep one row per primary key: the key as text, and an ordering value for
/// tables whose winner is not simply the later record (<see cref="StrikeStatusTable"/> orders by as_of).
/// </summary>
/// <param name="Key">The primary key as text (unique per row of the table).</param>
/// <param name="Order">The table's own ordering value; 0 when unused.</param>
internal readonly record struct RowKey(string Key, long Order = 0);
