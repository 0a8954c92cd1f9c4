import type { EmailingStatistics } from '@/api/emailings';
import { DAY, floorTo, formatWallClock, HOUR, wallClockMs } from './time.utils';

/**
 * Opens and clicks over time from stepped statistics windows (docs/api/emailings.md §7.5 "chart recipe"): one
 * `statistics?begintime=…&endtime=…` call per bucket is far cheaper than paging through every event.
 * A window is `[begin, end)`: begintime inclusive, endtime exclusive (§2 Boundaries).
 */

export type Granularity = 'hour' | 'day';
export type TimeWindow = { begin: string; end: string };

/** The views the emailing page offers: the first 48 hours hour by hour, or day by day up to 30 days. */
export const FIRST_HOURS = 48;
export const MAX_DAYS = 30;

/**
 * Windows from the hour (or day) the emailing was sent. Windows that start after `nowMs` are left
 * out: they would show zeros for time that has not happened yet.
 */
export function buildWindows(sentAt: string, granularity: Granularity, nowMs: number): TimeWindow[] {
  const sent = wallClockMs(sentAt);
  if (sent === null) return [];
  const step = granularity === 'hour' ? HOUR : DAY;
  const count = granularity === 'hour' ? FIRST_HOURS : MAX_DAYS;
  const first = floorTo(sent, step);
  const windows: TimeWindow[] = [];
  for (let i = 0; i < count; i++) {
    const begin = first + i * step;
    if (begin > nowMs) break;
    windows.push({ begin: formatWallClock(begin), end: formatWallClock(begin + step) });
  }
  return windows;
}

/** Hourly for a fresh emailing (its first two days are the story), daily once it is older. */
export function defaultGranularity(sentAt: string, nowMs: number): Granularity {
  const sent = wallClockMs(sentAt);
  return sent !== null && nowMs - sent < 2 * DAY ? 'hour' : 'day';
}

export type SeriesPoint = {
  /** short axis label: `MM-DD HH:00` (hourly) or `YYYY-MM-DD` (daily), as the API's clock shows it */
  label: string;
  begin: string;
  end: string;
  /** impressions.total in the window: every open */
  opens: number;
  /** clicks.total in the window: every click */
  clicks: number;
  /** impressions.unique in the window: destinations that opened in this window */
  openers: number;
  /** clicks.unique in the window: destinations that clicked in this window */
  clickers: number;
  /** running sums of `opens` and `clicks` (totals add up across windows; uniques would not) */
  cumulativeOpens: number;
  cumulativeClicks: number;
};

export function windowLabel(w: TimeWindow, granularity: Granularity): string {
  return granularity === 'hour' ? `${w.begin.slice(5, 13)}:00` : w.begin.slice(0, 10);
}

/** `stats[i]` belongs to `windows[i]`; a missing answer (still loading) ends the series there. */
export function buildSeries(windows: TimeWindow[], stats: (EmailingStatistics | undefined)[], granularity: Granularity): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let opens = 0;
  let clicks = 0;
  for (const [i, w] of windows.entries()) {
    const s = stats[i];
    if (!s) break;
    opens += s.impressions.total;
    clicks += s.clicks.total;
    points.push({
      label: windowLabel(w, granularity),
      begin: w.begin,
      end: w.end,
      opens: s.impressions.total,
      clicks: s.clicks.total,
      openers: s.impressions.unique,
      clickers: s.clicks.unique,
      cumulativeOpens: opens,
      cumulativeClicks: clicks,
    });
  }
  return points;
}
