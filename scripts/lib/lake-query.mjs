// Queries the Parquet lake with DuckDB (an implementation we did not write).
//   node scripts/lib/lake-query.mjs <s3-endpoint|file-dir> <bucket-or-''> <prefix> "<SQL using lake('table')>"
// For S3 (s3rver), the objects under the prefix are downloaded to a temporary folder first, since DuckDB's
// httpfs extension cannot be fetched on this machine. lake('trips') expands to a hive-partitioned read_parquet.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [source, bucket, prefix, sql] = process.argv.slice(2).filter(a => a !== '--');
if (!source || !sql) {
  console.error('usage: lake-query.mjs <s3-endpoint|dir> <bucket> <prefix> "<SQL>"');
  process.exit(2);
}

async function download(endpoint, bucket, prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-'));
  // ListObjects v1 with markers: s3rver 3.7.1 fails a truncated ListObjectsV2 (over 1000 keys).
  let marker = '';
  for (;;) {
    const url = `${endpoint}/${bucket}?prefix=${encodeURIComponent(prefix)}${marker ? '&marker=' + encodeURIComponent(marker) : ''}`;
    const xml = await (await fetch(url)).text();
    const keys = [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map(m => m[1].replaceAll('&amp;', '&'));
    for (const key of keys) {
      if (!key.endsWith('.parquet')) continue;
      const target = path.join(dir, key.slice(prefix.length));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const res = await fetch(`${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`);
      if (!res.ok) throw new Error(`GET ${key}: HTTP ${res.status}`);
      fs.writeFileSync(target, Buffer.from(await res.arrayBuffer()));
    }
    if (!/<IsTruncated>true<\/IsTruncated>/.test(xml) || keys.length === 0) break;
    marker = keys[keys.length - 1];
  }
  return dir;
}

const root = source.startsWith('http') ? await download(source, bucket, prefix) : path.join(source, prefix);
const expanded = sql.replace(/lake\('([^']+)'\)/g, (_, table) =>
  `read_parquet('${path.join(root, table).replaceAll("'", "''")}/**/*.parquet', hive_partitioning = true, filename = true)`);
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const reader = await connection.runAndReadAll(expanded);
const rows = reader.getRowObjectsJson();
console.log(JSON.stringify(rows));
