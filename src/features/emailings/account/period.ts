import { testFilter } from '@/api/emailings';
import { DAY, dayAfter, dayStart, formatWallClock, nowWallClockMs } from '../utils/time.utils';

const DEFAULT_DAYS = 90;

/**
 * The statistics period from the URL (`?from=&to=&tests=include`), by default the last 90 days without test
 * sends: shared by the page and its loader.
 */
export function periodFromParams(params: URLSearchParams) {
  return {
    from: params.get('from') ?? formatWallClock(nowWallClockMs() - DEFAULT_DAYS * DAY).slice(0, 10),
    to: params.get('to') ?? formatWallClock(nowWallClockMs()).slice(0, 10),
    includeTests: params.get('tests') === 'include',
  };
}

/** The emailing-list filter for a period; the end date is inclusive, so the list ends the day after. */
export const periodFilter = (from: string, to: string, includeTests = false) => ({
  fromdate: dayStart(from),
  todate: dayAfter(to),
  ...testFilter(includeTests),
});
