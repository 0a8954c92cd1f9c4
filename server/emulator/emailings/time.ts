// "Wall seconds": the server's wall-clock time (Europe/Amsterdam, as the core writes its timestamps,
// docs/api/conventions.md §10) counted as seconds since 1970 as if it were UTC. Formatting is then plain arithmetic
// and SQLite's datetime(ts, 'unixepoch') prints the same string the API shows.
import { ApiError } from '../core/http.ts';
import { formatTimestamp } from '../core/time.ts';
import { parseDateInput } from '../core/values.ts';

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** `2024-03-05 09:30:12` for a wall-seconds value. */
export function formatWall(ts: number): string {
  const iso = new Date(ts * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function wallOf(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

/** The clock's instant as wall seconds (Amsterdam wall time). */
export function wallNow(now: Date): number {
  const t = formatTimestamp(now);
  return wallOf(+t.slice(0, 4), +t.slice(5, 7), +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16), +t.slice(17, 19));
}

/** Parse a time parameter the way the core parses dates (`YYYY-MM-DD[ hh:mm[:ss]]` and friends); null if it is no time. */
export function parseWall(raw: string, now: Date): number | null {
  const w = parseDateInput(raw, now);
  return w ? wallOf(w.y, w.mo, w.d, w.h, w.mi, w.s) : null;
}

/** A time query parameter: undefined when absent or empty, 400 when it is not a time. */
export function timeParam(name: string, raw: string | undefined, now: Date): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const ts = parseWall(raw, now);
  if (ts === null) throw new ApiError(`Invalid value for parameter ${name}: expected YYYY-MM-DD HH:MM:SS`);
  return ts;
}

/** A `YYYY-MM-DD` parameter (`from`/`to` of the destinations-by-period calls); a time part is tolerated. */
export function dateParam(name: string, raw: string | undefined, now: Date): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const ts = parseWall(raw, now);
  if (ts === null) throw new ApiError(`Invalid value for parameter ${name}: expected YYYY-MM-DD`);
  return ts;
}
