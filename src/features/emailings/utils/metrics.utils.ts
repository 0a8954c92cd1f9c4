import type { DominantResults, EmailingStatistics } from '@/api/emailings';
import { ratio } from '../metric-definitions';

/**
 * Counts behind the rates. The rates themselves, their names and formulas are defined once in
 * ../metric-definitions.ts (re-exported here for the panels that import them from this module).
 */
export { computeRates, type RateId, ratio } from '../metric-definitions';

/** The dominant-result categories in Copernica's order of rising strength (§7.3). */
export const DOMINANT_CATEGORIES = ['errors', 'noResponse', 'impressions', 'clicks', 'unsubscribes', 'abuses'] as const;
export type DominantCategory = (typeof DOMINANT_CATEGORIES)[number];

/**
 * Copernica's "No response" = delivered without reaction + destinations without any event (§7.3).
 * The categories then add up to `destinations`.
 */
export function dominantBreakdown(d: DominantResults): Record<DominantCategory, number> {
  const reacted = d.errors + d.deliveries + d.impressions + d.clicks + d.unsubscribes + d.abuses;
  return {
    errors: d.errors,
    noResponse: d.deliveries + Math.max(0, d.destinations - reacted),
    impressions: d.impressions,
    clicks: d.clicks,
    unsubscribes: d.unsubscribes,
    abuses: d.abuses,
  };
}

const addCounter = (a: { total: number; unique: number }, b: { total: number; unique: number }) => ({
  total: a.total + b.total,
  unique: a.unique + b.unique,
});

/**
 * Statistics of several emailings together. Uniques add up because each destination belongs to one
 * emailing; `dominant` only when every emailing has it.
 */
export function sumStatistics(list: EmailingStatistics[]): EmailingStatistics {
  const zero = { total: 0, unique: 0 };
  const sum: EmailingStatistics = {
    destinations: 0,
    deliveries: 0,
    errors: zero,
    impressions: zero,
    clicks: zero,
    unsubscribes: zero,
    abuses: zero,
    dominant:
      list.length && list.every((s) => s.dominant)
        ? { destinations: 0, errors: 0, deliveries: 0, impressions: 0, clicks: 0, unsubscribes: 0, abuses: 0 }
        : undefined,
  };
  for (const s of list) {
    sum.destinations += s.destinations;
    sum.deliveries += s.deliveries;
    sum.errors = addCounter(sum.errors, s.errors);
    sum.impressions = addCounter(sum.impressions, s.impressions);
    sum.clicks = addCounter(sum.clicks, s.clicks);
    sum.unsubscribes = addCounter(sum.unsubscribes, s.unsubscribes);
    sum.abuses = addCounter(sum.abuses, s.abuses);
    if (sum.dominant && s.dominant)
      for (const k of Object.keys(sum.dominant) as (keyof DominantResults)[]) sum.dominant[k] += s.dominant[k];
  }
  return sum;
}

/** Copernica's "Messages per day": Σ destinations / days in the period (statistics-key-figures.md, §11.2). */
export function messagesPerDay(totalDestinations: number, days: number): number | null {
  return ratio(totalDestinations, days);
}
