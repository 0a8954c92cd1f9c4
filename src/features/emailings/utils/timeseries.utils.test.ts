import { describe, expect, it } from 'vitest';
import { normalizeStatistics } from '@/api/emailings';
import { dayAfter, daysInRange, formatWallClock, wallClockMs } from './time.utils';
import { buildSeries, buildWindows, defaultGranularity, FIRST_HOURS } from './timeseries.utils';

const ms = (s: string) => wallClockMs(s) as number;

describe('time utils', () => {
  it('round-trips a Copernica timestamp without shifting it', () => {
    expect(formatWallClock(ms('2024-03-05 09:30:12'))).toBe('2024-03-05 09:30:12');
    expect(wallClockMs('not a date')).toBeNull();
    expect(dayAfter('2024-02-29')).toBe('2024-03-01 00:00:00');
    expect(daysInRange('2024-03-01', '2024-03-31')).toBe(31);
  });
});

describe('buildWindows', () => {
  it('steps hourly from the hour the emailing was sent, 48 windows, end exclusive = next begin', () => {
    const w = buildWindows('2024-03-05 09:30:12', 'hour', ms('2024-04-01 00:00:00'));
    expect(w).toHaveLength(FIRST_HOURS);
    expect(w[0]).toEqual({ begin: '2024-03-05 09:00:00', end: '2024-03-05 10:00:00' });
    expect(w[47]).toEqual({ begin: '2024-03-07 08:00:00', end: '2024-03-07 09:00:00' });
    for (let i = 1; i < w.length; i++) expect(w[i]?.begin).toBe(w[i - 1]?.end);
  });

  it('steps daily from midnight, at most 30 days, and never into the future', () => {
    expect(buildWindows('2024-03-05 09:30:12', 'day', ms('2024-06-01 00:00:00'))).toHaveLength(30);
    const young = buildWindows('2024-03-05 09:30:12', 'day', ms('2024-03-07 12:00:00'));
    expect(young.map((x) => x.begin)).toEqual(['2024-03-05 00:00:00', '2024-03-06 00:00:00', '2024-03-07 00:00:00']);
    const fresh = buildWindows('2024-03-05 09:30:12', 'hour', ms('2024-03-05 11:10:00'));
    expect(fresh.map((x) => x.begin.slice(11, 13))).toEqual(['09', '10', '11']);
  });

  it('has nothing for an unreadable send time', () => {
    expect(buildWindows('', 'hour', Date.now())).toEqual([]);
  });

  it('picks hourly for the first two days, then daily', () => {
    expect(defaultGranularity('2024-03-05 09:30:12', ms('2024-03-06 09:00:00'))).toBe('hour');
    expect(defaultGranularity('2024-03-05 09:30:12', ms('2024-03-08 09:00:00'))).toBe('day');
  });
});

describe('buildSeries', () => {
  const stats = (opens: number, openers: number, clicks: number, clickers: number) =>
    normalizeStatistics({
      destinations: 1000,
      impressions: { total: opens, unique: openers },
      clicks: { total: clicks, unique: clickers },
    });
  const windows = buildWindows('2024-03-05 09:30:12', 'hour', ms('2024-03-05 12:00:00'));

  it('takes per-window totals and uniques and accumulates the totals', () => {
    const s = buildSeries(windows, [stats(10, 8, 2, 1), stats(30, 20, 5, 4), stats(5, 5, 0, 0), stats(1, 1, 1, 1)], 'hour');
    expect(s.map((p) => p.opens)).toEqual([10, 30, 5, 1]);
    expect(s.map((p) => p.openers)).toEqual([8, 20, 5, 1]);
    expect(s.map((p) => p.cumulativeOpens)).toEqual([10, 40, 45, 46]);
    expect(s.map((p) => p.cumulativeClicks)).toEqual([2, 7, 7, 8]);
    expect(s[0]?.label).toBe('03-05 09:00');
  });

  it('stops at the first window still loading', () => {
    expect(buildSeries(windows, [stats(1, 1, 0, 0), undefined, stats(9, 9, 9, 9)], 'hour')).toHaveLength(1);
  });

  it('labels days by date', () => {
    const days = buildWindows('2024-03-05 09:30:12', 'day', ms('2024-03-06 12:00:00'));
    expect(buildSeries(days, [stats(1, 1, 0, 0), stats(2, 2, 0, 0)], 'day').map((p) => p.label)).toEqual(['2024-03-05', '2024-03-06']);
  });
});
