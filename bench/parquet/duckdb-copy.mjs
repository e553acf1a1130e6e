// DuckDB side of the Parquet benchmark. Loads the CSV (untimed), then serves commands on stdin so the
// caller can interleave its runs with ours (the machine's load then hits both alike):
//   "copy"  -> time COPY trips TO <duckdb.parquet> (FORMAT parquet, COMPRESSION snappy); prints {"copySeconds": s}
//   "copy1" -> the same on one DuckDB thread
//   "check" -> compares our file with DuckDB's row for row; prints {"duckdbBytes", "rowsDiffering", "oursRows"}
// Usage: node duckdb-copy.mjs <csv> <duckdb.parquet> <ours.parquet>
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [csv, target, ours] = process.argv.slice(2);
const lit = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(`CREATE TABLE trips AS SELECT trip_id, city,
    epoch_ms(pickup_ms)::TIMESTAMP_MS AS pickup_ts, epoch_ms(dropoff_ms)::TIMESTAMP_MS AS dropoff_ts,
    distance_km, fare, driver_id, rider_id, payment_type
  FROM read_csv(${lit(csv)}, header = true, columns = {
    'trip_id': 'VARCHAR', 'city': 'VARCHAR', 'pickup_ms': 'BIGINT', 'dropoff_ms': 'BIGINT', 'distance_km': 'DOUBLE',
    'fare': 'DOUBLE', 'driver_id': 'VARCHAR', 'rider_id': 'VARCHAR', 'payment_type': 'VARCHAR'})`);
console.log(JSON.stringify({ ready: true }));

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'copy' || line === 'copy1') {
    // copy1: one DuckDB thread, as the sink writes each file on one thread.
    if (line === 'copy1') await conn.run('SET threads = 1');
    const start = process.hrtime.bigint();
    await conn.run(`COPY trips TO ${lit(target)} (FORMAT parquet, COMPRESSION snappy)`);
    const copySeconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (line === 'copy1') await conn.run('RESET threads');
    console.log(JSON.stringify({ copySeconds }));
  } else if (line === 'check') {
    const normalized = (file) => `SELECT trip_id, city, epoch_ms(pickup_ts) AS p, epoch_ms(dropoff_ts) AS d, distance_km, fare, driver_id, rider_id, payment_type FROM read_parquet(${lit(file)})`;
    const diff = await conn.runAndReadAll(`SELECT
        (SELECT count(*) FROM (${normalized(ours)} EXCEPT ALL ${normalized(target)})) +
        (SELECT count(*) FROM (${normalized(target)} EXCEPT ALL ${normalized(ours)})) AS differing,
        (SELECT count(*) FROM read_parquet(${lit(ours)})) AS ours_rows`);
    const [differing, oursRows] = diff.getRows()[0];
    console.log(JSON.stringify({ duckdbBytes: statSync(target).size, rowsDiffering: Number(differing), oursRows: Number(oursRows) }));
  }
}
