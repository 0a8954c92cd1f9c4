// Time windows of Change, Date, Email, Export, Fax, LastContact, Sms, Survey and ToDo conditions
// (docs/api/selections.md §4.0 and §6.3 "Time bounds"). All arithmetic is on Amsterdam wall-clock time, the zone of
// every stored timestamp (docs/api/conventions.md §10), so bounds compare directly with stored `YYYY-MM-DD hh:mm:ss`.
import { formatTimestamp } from '../core/time.ts';
import { parseDateInput } from '../core/values.ts';

const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
const FLOORS = ['second', 'minute', 'hour', 'day', 'month', 'year'] as const; // no week (§4.0)
type Unit = (typeof UNITS)[number];
type Floor = (typeof FLOORS)[number];

export interface Mutation {
  direction: 'plus' | 'minus';
  count: number;
  unit: Unit;
  floor: Floor;
}

/** A bound or window: `lo <= t < hi`; null = open side. */
export interface Window {
  lo: string | null;
  hi: string | null;
}

/** Parse a mutation given as a JSON string or a real array. Returns null when unset, undefined when invalid. */
export function parseMutation(raw: unknown): Mutation | null | undefined {
  if (raw === null || raw === undefined || raw === false || raw === '') return null;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(value) || value.length < 3 || value.length > 4) return undefined;
  const [direction, count, unit, floor = 'second'] = value.map((v) => String(v).trim().toLowerCase());
  if (direction !== 'plus' && direction !== 'minus') return undefined;
  if (!/^\d{1,6}$/.test(count ?? '')) return undefined;
  if (!(UNITS as readonly string[]).includes(unit ?? '') || !(FLOORS as readonly string[]).includes(floor)) return undefined;
  return { direction, count: Number(count), unit: unit as Unit, floor: floor as Floor };
}

export const formatMutation = (m: Mutation) => JSON.stringify([m.direction, String(m.count), m.unit, m.floor]);

/** Parse a fixed time (`YYYY-MM-DD[ hh:mm:ss]`, also `01-01-2000` as in rest-put-condition.md). null = unset, undefined = invalid. */
export function parseFixedTime(raw: unknown, now: Date): string | null | undefined {
  if (raw === null || raw === undefined || raw === false || raw === '') return null;
  if (typeof raw !== 'string') return undefined;
  const wall = parseDateInput(raw, now);
  if (!wall || wall.y < 1) return undefined;
  return toStamp(Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s));
}

/** Wall-clock milliseconds (a UTC Date used as a plain calendar) → `YYYY-MM-DD hh:mm:ss`. */
export function toStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function wallMs(now: Date): number {
  const t = formatTimestamp(now);
  return Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16), +t.slice(17, 19));
}

const FIXED_MS: Partial<Record<Unit, number>> = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5 };

/** `ms` moved by `n` units; months and years overflow like PHP (Jan 31 + 1 month = Mar 3 or 2). */
function addUnits(ms: number, n: number, unit: Unit): number {
  const fixed = FIXED_MS[unit];
  if (fixed) return ms + n * fixed;
  const d = new Date(ms);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.getTime();
}

/** Round down to the start of the unit: `2013-02-25 13:03:27` floored to day → `2013-02-25 00:00:00`. */
function floorTo(ms: number, floor: Floor): number {
  const d = new Date(ms);
  const parts = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const keep = { year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6 }[floor];
  const [y, mo = 0, day = 1, h = 0, mi = 0, s = 0] = parts.slice(0, keep);
  return Date.UTC(y as number, mo, day, h, mi, s);
}

export function applyMutation(m: Mutation, now: Date): number {
  return floorTo(addUnits(wallMs(now), m.direction === 'minus' ? -m.count : m.count, m.unit), m.floor);
}

/**
 * The window of a condition: a mutation overrides the fixed time on its side (rest-condition-type-date.md).
 * Both sides mutations flooring to one instant ("after 0 days ago and before 0 days ago, rounded to days",
 * how-to-create-a-birthday-selection.md) means that whole floor unit: [lo, lo + 1 unit).
 */
export function resolveWindow(props: Record<string, unknown>, now: Date): Window {
  const after = parseMutation(props['after-mutation']);
  const before = parseMutation(props['before-mutation']);
  const loMs = after ? applyMutation(after, now) : undefined;
  let hiMs = before ? applyMutation(before, now) : undefined;
  if (after && before && loMs === hiMs && loMs !== undefined) hiMs = addUnits(loMs, 1, after.floor);
  const lo = loMs !== undefined ? toStamp(loMs) : typeof props['after-time'] === 'string' ? props['after-time'] : null;
  const hi = hiMs !== undefined ? toStamp(hiMs) : typeof props['before-time'] === 'string' ? props['before-time'] : null;
  return { lo, hi };
}
