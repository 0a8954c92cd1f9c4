// Server timestamps are `YYYY-MM-DD hh:mm:ss` in Europe/Amsterdam, no zone designator (docs/api/conventions.md §10).
const amsterdam = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2024-03-01 14:05:00`, Amsterdam wall time. */
export function formatTimestamp(date: Date): string {
  return amsterdam.format(date);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Format wall-clock parts (already in Amsterdam time) without any zone conversion. */
export function formatParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Offset of Amsterdam from UTC in minutes at a given instant (+60 in winter, +120 in summer). */
export function amsterdamOffsetMinutes(date: Date): number {
  const wall = formatTimestamp(date);
  const asUtc = Date.UTC(
    Number(wall.slice(0, 4)),
    Number(wall.slice(5, 7)) - 1,
    Number(wall.slice(8, 10)),
    Number(wall.slice(11, 13)),
    Number(wall.slice(14, 16)),
    Number(wall.slice(17, 19)),
  );
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}
