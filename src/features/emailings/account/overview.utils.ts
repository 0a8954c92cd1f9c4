import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { computeRates } from '../utils/metrics.utils';

export type EmailingWithStats = { emailing: Emailing; stats: EmailingStatistics };

export type RatePoint = { label: string; key: string; openRate: number | null; clickRate: number | null; hardBounceRate: number | null };

/** More bars than this no longer read as separate campaigns; the chart then shows the most recent ones. */
export const MAX_BARS = 40;

/**
 * One group of bars per emailing, in send order, for the "rates per emailing" chart (§11.3 account page).
 * Separate campaigns are not a time series, so they are never joined by a line. At most `max`: the latest.
 * Each bar is named by its send date in the user's locale (`formatDate`) and the start of its subject.
 */
export function ratePoints(items: EmailingWithStats[], formatDate: (timestamp: string) => string, max = MAX_BARS): RatePoint[] {
  return [...items]
    .sort((a, b) => a.emailing.timestamp.localeCompare(b.emailing.timestamp) || Number(a.emailing.id) - Number(b.emailing.id))
    .slice(-max)
    .map(({ emailing, stats }) => {
      const r = computeRates(stats);
      return {
        key: `${emailing.system}:${emailing.id}`,
        label: `${formatDate(emailing.timestamp)} ${emailing.subject.slice(0, 24)}`,
        openRate: r.openRate,
        clickRate: r.clickRate,
        hardBounceRate: r.hardBounceRate,
      };
    });
}
