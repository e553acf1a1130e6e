// Independent oracle for the processor's end-to-end test (DESIGN §3, §4).
//
// Reads only the producer's JSONL (one line per record, in send order) and computes, from the written rules, what
// the processor must output. It shares no code with the processor: partitioning (Kafka's Java murmur2), Avro
// decoding (avsc), validation, watermarks, dedup, hourly windows, exact sums (Shewchuk, as Python's math.fsum),
// marked-word tokens and the strike ledger are all written here again.
//
// Arguments: <in.jsonl> <out.json> <trips partitions> <messages partitions> <marked-words.txt> <TripEvent.avsc> <MessageEvent.avsc>
// Output: one JSON document (see OracleResult.cs).
import fs from 'node:fs';
import readline from 'node:readline';
import avro from 'avsc';

const [inPath, outPath, tripPartitionsArg, messagePartitionsArg, markedWordsPath, tripSchemaPath, messageSchemaPath] = process.argv.slice(1);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ALLOWED_LATENESS = 10 * MINUTE;
const DEDUP_RETENTION = DAY;
const FUTURE_TOLERANCE = DAY;
const MAX_DURATION = DAY;
const STRIKE_TTL = 30 * DAY;
const STRIKE_LIMIT = 10;
// The mock registry (mock://streaming) seeds schema ids in a fixed order: TripEvent 1, MessageEvent 2 (contracts README).
const SCHEMA_ID = { trips: 1, messages: 2 };

// ---------- Kafka's Java murmur2 partitioner (org.apache.kafka.common.utils.Utils.murmur2) ----------
function murmur2(bytes) {
  const m = 0x5bd1e995;
  const r = 24;
  const length = bytes.length;
  let h = (0x9747b28c ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (bytes[i4] & 0xff) | ((bytes[i4 + 1] & 0xff) << 8) | ((bytes[i4 + 2] & 0xff) << 16) | ((bytes[i4 + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length & ~3;
  switch (length % 4) {
    case 3: h ^= (bytes[tail + 2] & 0xff) << 16; // falls through
    case 2: h ^= (bytes[tail + 1] & 0xff) << 8; // falls through
    case 1: h ^= bytes[tail] & 0xff; h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
const partitionOf = (key, count) => (murmur2(Buffer.from(key, 'utf8')) & 0x7fffffff) % count;
// Known vectors from Kafka's UtilsTest (murmur2 of "21" = -973932308, of "foobar" = -790332482).
check(murmur2(Buffer.from('21')) === -973932308, 'murmur2("21")');
check(murmur2(Buffer.from('foobar')) === -790332482, 'murmur2("foobar")');

// ---------- exact, correctly rounded sum (Shewchuk's msum with Python's final rounding) ----------
function fsum(values) {
  const partials = [];
  for (let x of values) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) { const t = x; x = y; y = t; }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way case: make the rounding of hi + lo follow the sign of the remaining partials.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
check(fsum(Array(10).fill(0.1)) === 1.0, 'fsum of ten 0.1');
check(fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) === 1e-100, 'fsum cancellation');
check(fsum([1, 1e-16, 1e-16]) === 1.0000000000000002, 'fsum rounding');

// ---------- 0.9^level, correctly rounded, with exact integer arithmetic ----------
function exactPowRounded(base, exponent) {
  if (exponent === 0) return 1;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, base);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const e = biased - 1075; // base = mantissa * 2^e
  let p = mantissa ** BigInt(exponent);
  let scale = e * exponent;
  const length = p.toString(2).length;
  let shift = length - 53;
  if (shift > 0) {
    const q = p >> BigInt(shift);
    const rem = p - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    let rounded = q;
    if (rem > half || (rem === half && (q & 1n) === 1n)) rounded = q + 1n;
    if (rounded === 1n << 53n) { rounded >>= 1n; shift += 1; }
    p = rounded;
    scale += shift;
  }
  return Number(p) * Math.pow(2, scale);
}
check(exactPowRounded(0.9, 1) === 0.9, '0.9^1');
check(exactPowRounded(0.9, 2) === 0.9 * 0.9, '0.9^2 (one rounding)');

// ---------- marked words and tokens ----------
const markedWords = new Set(
  fs.readFileSync(markedWordsPath, 'utf8').split(/\r?\n/).map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#')).map(w => w.toLowerCase()));
function matchedWords(text) {
  const found = [];
  for (const token of text.match(/[\p{L}\p{N}'’]+/gu) ?? []) {
    const word = token.toLowerCase();
    if (markedWords.has(word) && !found.includes(word)) found.push(word);
  }
  return found;
}

// ---------- decoding (Confluent wire format, Avro through avsc) ----------
const types = {
  trips: avro.Type.forSchema(JSON.parse(fs.readFileSync(tripSchemaPath, 'utf8'))),
  messages: avro.Type.forSchema(JSON.parse(fs.readFileSync(messageSchemaPath, 'utf8'))),
};
function decodeRaw(topic, bytes) {
  if (bytes.length < 5 || bytes[0] !== 0) return { reason: 'undecodable' };
  const id = bytes.readInt32BE(1);
  if (id !== SCHEMA_ID[topic]) return { reason: 'unknown_schema' };
  try {
    return { value: types[topic].fromBuffer(bytes.subarray(5)) };
  } catch {
    return { reason: 'undecodable' };
  }
}

// ---------- validation ----------
const missing = s => s === undefined || s === null || s === '';
function validateTrip(t, streamTime) {
  if (missing(t.trip_id) || missing(t.city)) return 'missing_field';
  if (t.dropoff_ts < t.pickup_ts) return 'negative_duration';
  if (t.dropoff_ts - t.pickup_ts > MAX_DURATION) return 'duration_too_long';
  if (!(t.distance_km >= 0)) return 'negative_distance';
  if (!(t.fare >= 0)) return 'negative_fare';
  if (streamTime !== null && t.pickup_ts > streamTime + FUTURE_TOLERANCE) return 'future_timestamp';
  return null;
}
function validateMessage(msg, streamTime) {
  if (missing(msg.message_id) || missing(msg.sender_id) || missing(msg.receiver_id) || missing(msg.text)) return 'missing_field';
  if (streamTime !== null && msg.sent_at > streamTime + FUTURE_TOLERANCE) return 'future_timestamp';
  return null;
}

// ---------- strike ledger (one per sender, inside its partition) ----------
function newLedger(sender) {
  return { sender, active: [], inactive: false, lastAsOf: null, seen: new Map(), statuses: [], expired: 0, expiredOnArrival: 0, duplicates: 0 };
}
const byExpiryThenId = (a, b) => (a.expiry - b.expiry) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function emitStatus(ledger, eventTime) {
  const asOf = ledger.lastAsOf !== null && ledger.lastAsOf > eventTime ? ledger.lastAsOf : eventTime;
  ledger.lastAsOf = asOf;
  const level = Math.min(ledger.active.length, STRIKE_LIMIT);
  ledger.statuses.push({
    sender_id: ledger.sender,
    active_strikes: ledger.active.length,
    level,
    salary_multiplier: exactPowRounded(0.9, level),
    status: ledger.inactive ? 'INACTIVE' : 'ACTIVE',
    cooldown_until: ledger.inactive || ledger.active.length === 0 ? null : ledger.active[0].expiry,
    as_of: asOf,
  });
}
function applyWatermark(ledger, w) {
  if (!ledger.inactive) {
    while (ledger.active.length > 0 && ledger.active[0].expiry <= w) {
      const expired = ledger.active.shift();
      ledger.seen.set(expired.id, expired.sentAt);
      ledger.expired++;
      emitStatus(ledger, expired.expiry);
    }
  }
  const keep = Math.max(STRIKE_TTL, DEDUP_RETENTION);
  for (const [id, sentAt] of ledger.seen) if (sentAt + keep <= w) ledger.seen.delete(id);
}
function addStrike(ledger, msg, w) {
  applyWatermark(ledger, w);
  if (ledger.seen.has(msg.message_id) || ledger.active.some(s => s.id === msg.message_id)) { ledger.duplicates++; return; }
  const expiry = msg.sent_at + STRIKE_TTL;
  if (expiry <= w) { ledger.seen.set(msg.message_id, msg.sent_at); ledger.expiredOnArrival++; return; }
  ledger.active.push({ id: msg.message_id, sentAt: msg.sent_at, expiry });
  ledger.active.sort(byExpiryThenId);
  if (ledger.active.length >= STRIKE_LIMIT) ledger.inactive = true;
  emitStatus(ledger, msg.sent_at);
}

// ---------- the per-partition pass ----------
const partitionCounts = { trips: Number(tripPartitionsArg), messages: Number(messagePartitionsArg) };
check(partitionCounts.trips > 0 && partitionCounts.messages > 0, 'partition counts');
const partitions = {};
for (const topic of ['trips', 'messages']) {
  partitions[topic] = Array.from({ length: partitionCounts[topic] }, () => ({ streamTime: null, nextOffset: 0, dedup: new Map(), ledgers: new Map() }));
}
const counters = {};
for (const topic of ['trips', 'messages']) {
  counters[topic] = { in: 0, accepted: 0, duplicates: 0, beyond_horizon: 0, window_late: 0, rejected: {} };
}
const tripsClean = [];
const rejected = { trips: [], messages: [] };
const late = { trips: [], messages: [] };
const flagged = [];
const windows = new Map();

const lines = readline.createInterface({ input: fs.createReadStream(inPath, 'utf8'), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const rec = JSON.parse(line);
  const topic = rec.topic;
  check(topic === 'trips' || topic === 'messages', `unknown topic ${topic}`);
  const p = partitionOf(rec.key, partitionCounts[topic]);
  const part = partitions[topic][p];
  const offset = part.nextOffset++;
  const c = counters[topic];
  c.in++;

  const reject = reason => {
    c.rejected[reason] = (c.rejected[reason] ?? 0) + 1;
    rejected[topic].push({ partition: p, offset, key: rec.key, reason });
  };

  let value;
  if (rec.raw_value_base64 !== undefined) {
    const decoded = decodeRaw(topic, Buffer.from(rec.raw_value_base64, 'base64'));
    if (decoded.reason) { reject(decoded.reason); continue; }
    value = decoded.value;
  } else {
    value = rec.value;
  }
  const failure = topic === 'trips' ? validateTrip(value, part.streamTime) : validateMessage(value, part.streamTime);
  if (failure) { reject(failure); continue; } // rejected records do not advance stream time

  const eventTime = topic === 'trips' ? value.pickup_ts : value.sent_at;
  const id = topic === 'trips' ? value.trip_id : value.message_id;
  const w = part.streamTime === null ? -Infinity : part.streamTime - ALLOWED_LATENESS;

  if (eventTime + DEDUP_RETENTION <= w) {
    c.beyond_horizon++;
    late[topic].push({ id, reason: 'beyond_dedup_horizon', watermark: w });
  } else {
    const stored = part.dedup.get(id);
    if (stored !== undefined && !(stored + DEDUP_RETENTION <= w)) {
      c.duplicates++;
    } else {
      part.dedup.set(id, eventTime);
      c.accepted++;
      if (topic === 'trips') {
        tripsClean.push(id);
        const windowStart = Math.floor(value.pickup_ts / HOUR) * HOUR;
        const windowEnd = windowStart + HOUR;
        if (windowEnd <= w) {
          c.window_late++;
          late.trips.push({ id, reason: 'window_closed', watermark: w });
        } else {
          const key = `${value.city}|${windowStart}`;
          let agg = windows.get(key);
          if (!agg) windows.set(key, agg = { city: value.city, windowStart, windowEnd, fares: [], distances: [], durationMs: 0 });
          agg.fares.push(value.fare);
          agg.distances.push(value.distance_km);
          agg.durationMs += value.dropoff_ts - value.pickup_ts;
          check(Number.isSafeInteger(agg.durationMs), 'duration sum stays exact');
        }
      } else {
        const words = matchedWords(value.text);
        if (words.length > 0) {
          flagged.push({ message_id: value.message_id, sender_id: value.sender_id, matched_words: words });
          let ledger = part.ledgers.get(value.sender_id);
          if (!ledger) part.ledgers.set(value.sender_id, ledger = newLedger(value.sender_id));
          addStrike(ledger, value, w);
        }
      }
    }
  }
  // Every non-rejected record advances stream time (late and duplicate ones too).
  part.streamTime = part.streamTime === null ? eventTime : Math.max(part.streamTime, eventTime);
  if (topic === 'messages') {
    // The watermark after this record expires the strikes of every sender in this partition.
    const after = part.streamTime - ALLOWED_LATENESS;
    for (const ledger of part.ledgers.values()) applyWatermark(ledger, after);
  }
}

// End of a bounded run: each partition's watermark advances to its stream time.
for (const part of partitions.messages) {
  if (part.streamTime === null) continue;
  for (const ledger of part.ledgers.values()) applyWatermark(ledger, part.streamTime);
}

// Arithmetic order of the derived fields: learned by reading (only reading, never calling)
// processor/Streaming.Processor/Domain/CityHourlyAccumulator.cs, whose doc says fare_avg = the once-rounded exact
// fare sum / trips, and avg_duration_s = (integer sum of dropoff - pickup in ms) / trips / 1000, left to right.
// The sums themselves are computed here with fsum, independently of the processor's ExactDoubleSum.
const cityHourly = [...windows.values()].map(a => {
  const trips = a.fares.length;
  const fareSum = fsum(a.fares);
  return {
    city: a.city,
    window_start: a.windowStart,
    window_end: a.windowEnd,
    trips,
    fare_sum: fareSum,
    fare_avg: fareSum / trips,
    fare_min: a.fares.reduce((m, x) => (x < m ? x : m), Infinity),
    fare_max: a.fares.reduce((m, x) => (x > m ? x : m), -Infinity),
    distance_km_sum: fsum(a.distances),
    avg_duration_s: a.durationMs / trips / 1000,
  };
});

const strikeStatuses = {};
const strikeTotals = { statuses: 0, expired: 0, expired_on_arrival: 0, duplicates: 0, inactive_senders: 0 };
for (const part of partitions.messages) {
  for (const ledger of part.ledgers.values()) {
    strikeStatuses[ledger.sender] = ledger.statuses;
    strikeTotals.statuses += ledger.statuses.length;
    strikeTotals.expired += ledger.expired;
    strikeTotals.expired_on_arrival += ledger.expiredOnArrival;
    strikeTotals.duplicates += ledger.duplicates;
    if (ledger.inactive) strikeTotals.inactive_senders++;
  }
}

const partitionSizes = {};
for (const topic of ['trips', 'messages']) partitionSizes[topic] = partitions[topic].map(part => part.nextOffset);

fs.writeFileSync(outPath, JSON.stringify({
  counters, partition_sizes: partitionSizes, city_hourly: cityHourly, trips_clean: tripsClean, rejected, late, flagged,
  strike_statuses: strikeStatuses, strike_totals: strikeTotals,
}));
console.log(JSON.stringify({ counters, strike_totals: strikeTotals, windows: cityHourly.length }));

function check(condition, what) {
  if (!condition) throw new Error(`oracle self-check failed: ${what}`);
}
