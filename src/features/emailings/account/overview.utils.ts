import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { computeRates } from '../utils/metrics.utils';

export type EmailingWithStats = { emailing: Emailing; stats: EmailingStatistics };

export type RatePoint = { label: string; key: string; openRate: number | null; clickRate: number | null; hardBounceRate: number | null };

/** One point per emailing, in send order, for the "rates by send date" chart (§11.3 account page). */
export function ratePoints(items: EmailingWithStats[]): RatePoint[] {
  return [...items]
    .sort((a, b) => a.emailing.timestamp.localeCompare(b.emailing.timestamp))
    .map(({ emailing, stats }) => {
      const r = computeRates(stats);
      return {
        key: `${emailing.system}:${emailing.id}`,
        label: `${emailing.timestamp.slice(0, 10)} ${emailing.subject.slice(0, 24)}`,
        openRate: r.openRate,
        clickRate: r.clickRate,
        hardBounceRate: r.hardBounceRate,
      };
    });
}
