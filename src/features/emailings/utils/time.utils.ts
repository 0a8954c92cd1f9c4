/**
 * Copernica timestamps are `YYYY-MM-DD HH:MM:SS` without a zone (docs/api/emailings.md §2 Timestamps). We never
 * shift them: arithmetic treats the wall-clock value as if it were UTC, so adding an hour to
 * `2024-03-05 09:30:12` gives `2024-03-05 10:30:12` whatever the browser's zone.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Milliseconds of the wall-clock value read as UTC, or null when it is not a timestamp. */
export function wallClockMs(s: string): number | null {
  const m = PATTERN.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  return Number.isNaN(ms) ? null : ms;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatWallClock(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;

/** "Now" as a wall-clock value. The API's zone is unknown, so take the later of UTC and local time: never cut off real data. */
export function nowWallClockMs(now: Date = new Date()): number {
  const local = now.getTime() - now.getTimezoneOffset() * 60_000;
  return Math.max(now.getTime(), local);
}

/** `YYYY-MM-DD` of a date input → `YYYY-MM-DD 00:00:00`; the end of a range is exclusive, so the day after. */
export function dayStart(date: string): string | undefined {
  const ms = wallClockMs(date);
  return ms === null ? undefined : formatWallClock(ms);
}

export function dayAfter(date: string): string | undefined {
  const ms = wallClockMs(date);
  return ms === null ? undefined : formatWallClock(ms + DAY);
}

/** Whole days covered by an inclusive date range (for "messages per day"). */
export function daysInRange(from: string, to: string): number {
  const a = wallClockMs(from);
  const b = wallClockMs(to);
  if (a === null || b === null || b < a) return 0;
  return Math.round((b - a) / DAY) + 1;
}
