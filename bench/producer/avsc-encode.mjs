// avsc side of the Avro encode benchmark: encodes the same records as our codec and reports records/s.
//   node bench/producer/avsc-encode.mjs <schema.avsc> <values.jsonl> <runs>
// Prints one JSON line: {"records":N,"best_seconds":S,"records_per_second":R,"bytes":B,"sha256":"…"} where sha256 is
// over the concatenated encodings, so the caller can check both codecs wrote the same bytes.
import avsc from 'avsc';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [schemaPath, valuesPath, runsText] = process.argv.slice(2).filter((a) => a !== '--');
const type = avsc.Type.forSchema(JSON.parse(readFileSync(schemaPath, 'utf8')));
const records = readFileSync(valuesPath, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => {
  const value = JSON.parse(l);
  // Optional fields are omitted in our JSON when null; avsc wants them present (null).
  for (const field of type.fields) {
    if (!(field.name in value)) value[field.name] = null;
  }
  return value;
});
const runs = Number(runsText ?? 5);

let best = Infinity;
let encoded = [];
for (let run = 0; run < runs; run++) {
  const out = new Array(records.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < records.length; i++) out[i] = type.toBuffer(records[i]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (seconds < best) best = seconds;
  encoded = out;
}
const hash = createHash('sha256');
let bytes = 0;
for (const b of encoded) { hash.update(b); bytes += b.length; }
console.log(JSON.stringify({ records: records.length, best_seconds: best, records_per_second: records.length / best, bytes, sha256: hash.digest('hex') }));
