import type { ConditionProps } from './condition-catalog';

/**
 * Time windows of conditions (docs/api/selections.md §4.0, §6.3): fixed `after-time`/`before-time` or relative
 * `after-mutation`/`before-mutation` = `["plus"|"minus", count, unit, floorto]` as a JSON string.
 * A mutation overrides the fixed time on the same side; the window is half-open [lo, hi).
 */
export const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export const FLOOR_UNITS = ['second', 'minute', 'hour', 'day', 'month', 'year'] as const;
export type Unit = (typeof UNITS)[number];
export type FloorUnit = (typeof FLOOR_UNITS)[number];
export type Mutation = { direction: 'plus' | 'minus'; count: string; unit: Unit; floorto: FloorUnit };

export function parseMutation(v: unknown): Mutation | null {
  let list: unknown = v;
  if (typeof v === 'string') {
    if (!v.trim()) return null;
    try {
      list = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(list) || list.length < 3) return null;
  const [direction, count, unit, floorto] = list.map(String);
  if (direction !== 'plus' && direction !== 'minus') return null;
  if (!/^\d+$/.test(count ?? '')) return null;
  if (!UNITS.includes(unit as Unit)) return null;
  const floor = (floorto ?? 'second') as FloorUnit;
  if (!FLOOR_UNITS.includes(floor)) return null;
  return { direction, count: count as string, unit: unit as Unit, floorto: floor };
}

/** Always the string form the docs show: `["minus","7","day","day"]`. */
export function formatMutation(m: Mutation): string {
  return JSON.stringify([m.direction, m.count, m.unit, m.floorto]);
}

export function floorTo(d: Date, unit: FloorUnit): Date {
  const out = new Date(d);
  switch (unit) {
    case 'year':
      out.setMonth(0, 1);
      out.setHours(0, 0, 0, 0);
      break;
    case 'month':
      out.setDate(1);
      out.setHours(0, 0, 0, 0);
      break;
    case 'day':
      out.setHours(0, 0, 0, 0);
      break;
    case 'hour':
      out.setMinutes(0, 0, 0);
      break;
    case 'minute':
      out.setSeconds(0, 0);
      break;
    case 'second':
      out.setMilliseconds(0);
      break;
  }
  return out;
}

export function addUnits(d: Date, count: number, unit: Unit): Date {
  const out = new Date(d);
  switch (unit) {
    case 'year':
      out.setFullYear(out.getFullYear() + count);
      break;
    case 'month':
      out.setMonth(out.getMonth() + count);
      break;
    case 'week':
      out.setDate(out.getDate() + 7 * count);
      break;
    case 'day':
      out.setDate(out.getDate() + count);
      break;
    case 'hour':
      out.setHours(out.getHours() + count);
      break;
    case 'minute':
      out.setMinutes(out.getMinutes() + count);
      break;
    case 'second':
      out.setSeconds(out.getSeconds() + count);
      break;
  }
  return out;
}

/** floor(now ± count·unit, floorto) [D rest-condition-type-change.md]. */
export function resolveMutation(m: Mutation, now: Date): Date {
  const n = Number(m.count) * (m.direction === 'minus' ? -1 : 1);
  return floorTo(addUnits(now, n, m.unit), m.floorto);
}

/** `YYYY-MM-DD[ HH:MM:SS]` (also the `01-01-2000` form of rest-put-condition.md) as local time. */
export function parseFixedTime(s: string): Date | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(t);
  if (m) return new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  return null;
}

export type Window = { lo?: Date; hi?: Date };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function resolveWindow(props: ConditionProps, now: Date): Window {
  const afterM = parseMutation(props['after-mutation']);
  const beforeM = parseMutation(props['before-mutation']);
  const lo = afterM ? resolveMutation(afterM, now) : (parseFixedTime(str(props['after-time'])) ?? undefined);
  let hi = beforeM ? resolveMutation(beforeM, now) : (parseFixedTime(str(props['before-time'])) ?? undefined);
  // "after 0 days ago and before 0 days ago, rounded to days" means that one day (§6.3 degenerate case).
  if (afterM && beforeM && lo && hi && lo.getTime() === hi.getTime())
    hi = floorTo(addUnits(lo, 1, afterM.floorto === 'second' ? 'second' : afterM.floorto), afterM.floorto);
  return { lo, hi };
}

export function inWindow(t: Date, w: Window): boolean {
  return (!w.lo || t >= w.lo) && (!w.hi || t < w.hi);
}

/** Year-less comparison for `compare-mode: ignoreyear` (birthdays); wraps over the new year. */
export function inWindowIgnoringYear(t: Date, w: Window): boolean {
  if (!w.lo && !w.hi) return true;
  const key = (d: Date) => (d.getMonth() * 31 + d.getDate()) * 86400 + d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  const v = key(t);
  const lo = w.lo ? key(w.lo) : -1;
  const hi = w.hi ? key(w.hi) : Number.POSITIVE_INFINITY;
  // A window of a whole year (or more) covers every day.
  if (w.lo && w.hi && w.hi.getTime() - w.lo.getTime() >= 365 * 86400_000) return true;
  return lo <= hi ? v >= lo && v < hi : v >= lo || v < hi;
}

export function hasAnyBound(props: ConditionProps): boolean {
  return ['after-time', 'before-time', 'after-mutation', 'before-mutation'].some((k) => str(props[k]).trim() !== '');
}

/** Presets offered next to the time block (docs/api/selections.md §7). */
export const TIME_PRESETS = {
  today: {
    'after-mutation': formatMutation({ direction: 'minus', count: '0', unit: 'day', floorto: 'day' }),
    'before-mutation': formatMutation({ direction: 'minus', count: '0', unit: 'day', floorto: 'day' }),
  },
  yesterday: {
    'after-mutation': formatMutation({ direction: 'minus', count: '1', unit: 'day', floorto: 'day' }),
    'before-mutation': formatMutation({ direction: 'minus', count: '0', unit: 'day', floorto: 'day' }),
  },
  last7days: { 'after-mutation': formatMutation({ direction: 'minus', count: '7', unit: 'day', floorto: 'day' }), 'before-mutation': '' },
  last30days: { 'after-mutation': formatMutation({ direction: 'minus', count: '30', unit: 'day', floorto: 'day' }), 'before-mutation': '' },
} as const;
