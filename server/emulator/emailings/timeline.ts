// Statistics over a time window (docs/api/emailings.md §7.5). Uniques and dominant results over an arbitrary
// [begintime, endtime) cannot be pre-aggregated, so each emailing's events are loaded once from the event
// tables into one sorted typed array (time, destination, type) and every window is a binary search plus
// one pass over the events inside it. refreshSummaries() stores it (emailing_timeline) next to the summaries.
import type Database from 'better-sqlite3';
import type { EventTable } from './event-tables.ts';

/** Type codes; bit i of a destination's flags = "has an event of code i". Codes 0-5 rise in dominance. */
const CODE: Record<EventTable, number> = { error: 0, delivery: 1, impression: 2, click: 3, unsubscribe: 4, abuse: 5, retry: 6 };
const KINDS: EventTable[] = ['error', 'delivery', 'impression', 'click', 'unsubscribe', 'abuse', 'retry'];

export interface Counts {
  destinations: number;
  total: Record<EventTable, number>;
  unique: Record<EventTable, number>;
  /** Destinations with neither a delivery nor an error (in the window). */
  unknown: number;
  dominant: { errors: number; deliveries: number; impressions: number; clicks: number; unsubscribes: number; abuses: number };
}

const zero = (): Record<EventTable, number> => ({ delivery: 0, retry: 0, error: 0, impression: 0, click: 0, unsubscribe: 0, abuse: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = (x: Record<EventTable, number>, y: Record<EventTable, number>) => {
    const out = zero();
    for (const k of KINDS) out[k] = x[k] + y[k];
    return out;
  };
  const d = { ...a.dominant };
  for (const k of Object.keys(d) as (keyof Counts['dominant'])[]) d[k] += b.dominant[k];
  return {
    destinations: a.destinations + b.destinations,
    total: sum(a.total, b.total),
    unique: sum(a.unique, b.unique),
    unknown: a.unknown + b.unknown,
    dominant: d,
  };
}

export const emptyCounts = (): Counts => ({
  destinations: 0,
  total: zero(),
  unique: zero(),
  unknown: 0,
  dominant: { errors: 0, deliveries: 0, impressions: 0, clicks: 0, unsubscribes: 0, abuses: 0 },
});

interface Timeline {
  /** Event times, ascending. */
  ts: Float64Array;
  /** Destination index (into `group`) per event. */
  dest: Int32Array;
  code: Uint8Array;
  /** Group ID per destination index (0 = none). */
  group: Float64Array;
  /** Scratch space: per-destination flags, always left zeroed. */
  flags: Uint8Array;
  touched: Int32Array;
}

interface Cached {
  version: number;
  timeline: Timeline;
}

const caches = new WeakMap<Database.Database, Map<number, Cached>>();
const MAX_CACHED = 24;

/**
 * The timeline of an emailing: stored (as typed-array blobs in `emailing_timeline`, written by
 * refreshSummaries) and cached in memory per version, so a cold call reads ~13 bytes per event instead of
 * scanning seven event tables.
 */
function timelineOf(db: Database.Database, emailingId: number): Timeline {
  const cache = caches.get(db) ?? new Map<number, Cached>();
  caches.set(db, cache);
  let version = db.prepare('SELECT version FROM emailing_timeline WHERE emailing_id = ?').pluck().get(emailingId) as number | undefined;
  if (version === undefined) version = storeTimeline(db, emailingId);
  const hit = cache.get(emailingId);
  if (hit && hit.version === version) return hit.timeline;
  const row = db.prepare('SELECT ts, dest, code, grp FROM emailing_timeline WHERE emailing_id = ?').get(emailingId) as Record<
    'ts' | 'dest' | 'code' | 'grp',
    Buffer
  >;
  // Copy into fresh (aligned) buffers.
  const bytes = (b: Buffer) => Uint8Array.from(b).buffer;
  const group = new Float64Array(bytes(row.grp));
  const timeline: Timeline = {
    ts: new Float64Array(bytes(row.ts)),
    dest: new Int32Array(bytes(row.dest)),
    code: new Uint8Array(bytes(row.code)),
    group,
    flags: new Uint8Array(group.length),
    touched: new Int32Array(group.length),
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as number);
  cache.set(emailingId, { version, timeline });
  return timeline;
}

/** (Re)build an emailing's timeline from the event tables and store it; returns its new version. */
export function storeTimeline(db: Database.Database, emailingId: number): number {
  const tl = buildTimeline(db, emailingId);
  const blob = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const version =
    ((db.prepare('SELECT version FROM emailing_timeline WHERE emailing_id = ?').pluck().get(emailingId) as number | undefined) ?? 0) + 1;
  db.prepare('INSERT OR REPLACE INTO emailing_timeline (emailing_id, version, ts, dest, code, grp) VALUES (?, ?, ?, ?, ?, ?)').run(
    emailingId,
    version,
    blob(tl.ts),
    blob(tl.dest),
    blob(tl.code),
    blob(tl.group),
  );
  return version;
}

function buildTimeline(db: Database.Database, emailingId: number): Timeline {
  const dests = db.prepare('SELECT internal, group_id FROM destination WHERE emailing_id = ? ORDER BY internal').raw().all(emailingId) as [
    number,
    number | null,
  ][];
  const n = dests.length;
  const group = new Float64Array(n);
  for (let i = 0; i < n; i++) group[i] = (dests[i] as [number, number | null])[1] ?? 0;
  // Destinations of one emailing are usually one contiguous block of internals: then no map is needed.
  const first = n ? (dests[0] as [number, number | null])[0] : 0;
  const contiguous = n === 0 || (dests[n - 1] as [number, number | null])[0] - first === n - 1;
  const map = contiguous ? undefined : new Map(dests.map(([internal], i) => [internal, i]));
  const indexOf = (internal: number) =>
    map ? map.get(internal) : internal - first >= 0 && internal - first < n ? internal - first : undefined;
  const parts: { ts: number[]; dest: number[]; code: number }[] = [];
  let total = 0;
  for (const t of KINDS) {
    const rows = db.prepare(`SELECT ts, destination FROM ${t} WHERE emailing_id = ? ORDER BY ts`).raw().all(emailingId) as [
      number,
      number,
    ][];
    const ts: number[] = new Array(rows.length);
    const dest: number[] = new Array(rows.length);
    let k = 0;
    for (const [time, d] of rows) {
      const i = indexOf(d);
      if (i === undefined) continue; // an event of a destination that is not in this emailing
      ts[k] = time;
      dest[k++] = i;
    }
    ts.length = k;
    dest.length = k;
    parts.push({ ts, dest, code: CODE[t] });
    total += k;
  }
  // k-way merge of the per-type lists, each already sorted by time.
  const out: Timeline = {
    ts: new Float64Array(total),
    dest: new Int32Array(total),
    code: new Uint8Array(total),
    group,
    flags: new Uint8Array(n),
    touched: new Int32Array(n),
  };
  const pos = parts.map(() => 0);
  for (let o = 0; o < total; o++) {
    let best = -1;
    let bestTs = Number.POSITIVE_INFINITY;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] as (typeof parts)[number];
      const i = pos[p] as number;
      if (i < part.ts.length && (part.ts[i] as number) < bestTs) {
        bestTs = part.ts[i] as number;
        best = p;
      }
    }
    const part = parts[best] as (typeof parts)[number];
    const i = pos[best] as number;
    out.ts[o] = bestTs;
    out.dest[o] = part.dest[i] as number;
    out.code[o] = part.code;
    pos[best] = i + 1;
  }
  return out;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Statistics of one emailing (or one of its groups) over [lo, hi). */
export function windowCounts(db: Database.Database, emailingId: number, lo: number, hi: number, groupId?: number): Counts {
  const tl = timelineOf(db, emailingId);
  const counts = emptyCounts();
  let destinations = tl.group.length;
  if (groupId !== undefined) {
    destinations = 0;
    for (let i = 0; i < tl.group.length; i++) if (tl.group[i] === groupId) destinations++;
  }
  counts.destinations = destinations;
  const total = new Float64Array(7);
  const unique = new Float64Array(7);
  const { flags, touched } = tl;
  let nTouched = 0;
  const end = lowerBound(tl.ts, hi);
  for (let i = lowerBound(tl.ts, lo); i < end; i++) {
    const d = tl.dest[i] as number;
    if (groupId !== undefined && tl.group[d] !== groupId) continue;
    const code = tl.code[i] as number;
    total[code]++;
    const bit = 1 << code;
    const f = flags[d] as number;
    if ((f & bit) === 0) {
      if (f === 0) touched[nTouched++] = d;
      flags[d] = f | bit;
      unique[code]++;
    }
  }
  const dominant = new Float64Array(6);
  let deliveredOrError = 0;
  for (let t = 0; t < nTouched; t++) {
    const d = touched[t] as number;
    const f = flags[d] as number;
    flags[d] = 0;
    if (f & 0b11) deliveredOrError++;
    const reactions = f & 0b111111;
    if (reactions) dominant[31 - Math.clz32(reactions)]++;
  }
  for (const k of KINDS) {
    counts.total[k] = total[CODE[k]] as number;
    counts.unique[k] = unique[CODE[k]] as number;
  }
  counts.unique.delivery = 0;
  counts.unknown = destinations - deliveredOrError;
  counts.dominant = {
    errors: dominant[0] as number,
    deliveries: dominant[1] as number,
    impressions: dominant[2] as number,
    clicks: dominant[3] as number,
    unsubscribes: dominant[4] as number,
    abuses: dominant[5] as number,
  };
  return counts;
}
