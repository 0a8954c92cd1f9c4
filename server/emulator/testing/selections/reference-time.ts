// Time windows for the reference evaluator (docs/api/selections.md §4.0, §6.3), on Amsterdam wall-clock strings.
const msOf = (wall: string) =>
  Date.UTC(
    +wall.slice(0, 4),
    +wall.slice(5, 7) - 1,
    +wall.slice(8, 10),
    +wall.slice(11, 13) || 0,
    +wall.slice(14, 16) || 0,
    +wall.slice(17, 19) || 0,
  );
const wallOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function shift(ms: number, n: number, unit: string): number {
  const d = new Date(ms);
  const fixed: Record<string, number> = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 7 * 864e5 };
  if (fixed[unit]) return ms + n * (fixed[unit] as number);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.getTime();
}

function floorMs(ms: number, unit: string): number {
  const w = wallOf(ms);
  const cut = { year: 4, month: 7, day: 10, hour: 13, minute: 16, second: 19 }[unit] as number;
  const template = '0000-01-01 00:00:00';
  return msOf(w.slice(0, cut) + template.slice(cut));
}

function mutationMs(raw: unknown, now: string): { ms: number; floor: string } | null {
  if (raw === undefined) return null;
  const [dir, count, unit, floor] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as string[];
  return {
    ms: floorMs(shift(msOf(now), (dir === 'minus' ? -1 : 1) * Number(count), unit as string), floor as string),
    floor: floor as string,
  };
}

export function windowOf(body: Record<string, unknown>, now: string): { lo: string | null; hi: string | null } {
  const after = mutationMs(body['after-mutation'], now);
  const before = mutationMs(body['before-mutation'], now);
  let hiMs = before?.ms;
  if (after && before && after.ms === before.ms) hiMs = shift(after.ms, 1, after.floor);
  const fixed = (v: unknown) => (typeof v === 'string' ? (v.length === 10 ? `${v} 00:00:00` : v) : null);
  return {
    lo: after ? wallOf(after.ms) : fixed(body['after-time']),
    hi: hiMs !== undefined ? wallOf(hiMs) : fixed(body['before-time']),
  };
}

export const inside = (t: string, w: { lo: string | null; hi: string | null }) =>
  (w.lo === null || t >= w.lo) && (w.hi === null || t < w.hi);
