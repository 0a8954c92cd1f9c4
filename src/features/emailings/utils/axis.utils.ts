import dayjs from 'dayjs';
import 'dayjs/locale/nl';
import type { Locale } from '@/i18n/i18n';
import type { Granularity } from './timeseries.utils';

/**
 * A chart axis label for a wall-clock time of the API (`YYYY-MM-DD HH:MM:SS`, no zone, docs/api/emailings.md §2)
 * in the user's language: "5 Mar 09:00" / "5 mrt 09:00" by the hour, "5 Mar 2024" / "5 mrt 2024" by the day.
 * Read and written as local time, so the wall clock is never shifted.
 */
export function axisLabel(wallClock: string, granularity: Granularity, locale: Locale): string {
  const d = dayjs(wallClock.replace(' ', 'T'));
  if (!d.isValid()) return wallClock;
  return d.locale(locale).format(granularity === 'hour' ? 'D MMM HH:mm' : 'D MMM YYYY');
}
