/** Pure helpers of the charts: value axes and Mantine colour names. */

/** Evenly spaced, round axis values from 0 to at least `max` ("nice" steps: 1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2 && ticks.length <= count + 1; v += step) ticks.push(round(v));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(round((ticks[ticks.length - 1] ?? 0) + step));
  return ticks;
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/** `indigo.7` → `var(--mantine-color-indigo-7)`; anything else (a CSS colour) as it is. */
export function colorVar(color: string): string {
  const m = /^([a-z]+)\.(\d)$/.exec(color);
  return m ? `var(--mantine-color-${m[1]}-${m[2]})` : color;
}

/** The share of `value` on an axis ending at `top`, in percent, never below 0 or above 100. */
export function percentOf(value: number | null | undefined, top: number): number {
  if (!value || !Number.isFinite(value) || top <= 0) return 0;
  return Math.min(100, Math.max(0, (value / top) * 100));
}

/** At most `max` evenly spread indexes of `length` points, first and last included: the labelled ticks of an axis. */
export function spreadIndexes(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}
