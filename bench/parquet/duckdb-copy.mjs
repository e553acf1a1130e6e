// DuckDB side of the Parquet benchmark: load the CSV (untimed), time COPY ... TO parquet with snappy,
// and check that our file holds exactly the same rows. Prints one JSON object.
// Usage: node duckdb-copy.mjs <csv> <duckdb.parquet> <ours.parquet> <runs>
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const [csv, target, ours, runsText] = process.argv.slice(2);
const lit = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(`CREATE TABLE trips AS SELECT trip_id, city,
    epoch_ms(pickup_ms)::TIMESTAMP_MS AS pickup_ts, epoch_ms(dropoff_ms)::TIMESTAMP_MS AS dropoff_ts,
    distance_km, fare, driver_id, rider_id, payment_type
  FROM read_csv(${lit(csv)}, header = true, columns = {
    'trip_id': 'VARCHAR', 'city': 'VARCHAR', 'pickup_ms': 'BIGINT', 'dropoff_ms': 'BIGINT', 'distance_km': 'DOUBLE',
    'fare': 'DOUBLE', 'driver_id': 'VARCHAR', 'rider_id': 'VARCHAR', 'payment_type': 'VARCHAR'})`);
const copySeconds = [];
for (let run = 0; run < Number(runsText); run++) {
  const start = process.hrtime.bigint();
  await conn.run(`COPY trips TO ${lit(target)} (FORMAT parquet, COMPRESSION snappy)`);
  copySeconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const normalized = (file) => `SELECT trip_id, city, epoch_ms(pickup_ts) AS p, epoch_ms(dropoff_ts) AS d, distance_km, fare, driver_id, rider_id, payment_type FROM read_parquet(${lit(file)})`;
const diff = await conn.runAndReadAll(`SELECT
    (SELECT count(*) FROM (${normalized(ours)} EXCEPT ALL ${normalized(target)})) +
    (SELECT count(*) FROM (${normalized(target)} EXCEPT ALL ${normalized(ours)})) AS differing,
    (SELECT count(*) FROM read_parquet(${lit(ours)})) AS ours_rows`);
const [differing, oursRows] = diff.getRows()[0];
process.stdout.write(JSON.stringify({ copySeconds, duckdbBytes: statSync(target).size, rowsDiffering: Number(differing), oursRows: Number(oursRows) }));
