import type { DominantResults, EmailingStatistics } from '@/api/emailings';

/**
 * Campaign metrics exactly as docs/api/emailings.md §11 defines them. A ratio is `null` when its
 * denominator is 0 (shown as "—"), never NaN or Infinity. `kind` says whose definition it is:
 * C = Copernica's own key figure (same name as in Copernica's screens), I = industry usage.
 */

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export type RateId =
  | 'openRate'
  | 'clickRate'
  | 'clickToOpenRate'
  | 'ctr'
  | 'deliveryRate'
  | 'bounceRate'
  | 'hardBounceRate'
  | 'openRateDelivered'
  | 'unsubscribeRate'
  | 'complaintRate'
  | 'opensPerOpener';

export type RateDefinition = {
  id: RateId;
  kind: 'C' | 'I' | '-' /** the formula as the API names its inputs */;
  formula: string;
  isRatio: boolean;
};

export const RATE_DEFINITIONS: Record<RateId, RateDefinition> = {
  openRate: { id: 'openRate', kind: 'C', formula: 'impressions.unique / destinations', isRatio: true },
  clickRate: { id: 'clickRate', kind: 'I', formula: 'clicks.unique / deliveries.total', isRatio: true },
  clickToOpenRate: { id: 'clickToOpenRate', kind: 'I', formula: 'clicks.unique / impressions.unique', isRatio: true },
  ctr: {
    id: 'ctr',
    kind: 'C',
    formula: 'dominant_results.clicks / (dominant_results.impressions + dominant_results.clicks)',
    isRatio: true,
  },
  deliveryRate: { id: 'deliveryRate', kind: 'I', formula: 'deliveries.total / destinations', isRatio: true },
  bounceRate: { id: 'bounceRate', kind: 'I', formula: 'errors.unique / destinations', isRatio: true },
  hardBounceRate: { id: 'hardBounceRate', kind: 'I', formula: 'dominant_results.errors / destinations', isRatio: true },
  openRateDelivered: { id: 'openRateDelivered', kind: 'I', formula: 'impressions.unique / deliveries.total', isRatio: true },
  unsubscribeRate: { id: 'unsubscribeRate', kind: 'I', formula: 'unsubscribes.unique / deliveries.total', isRatio: true },
  complaintRate: { id: 'complaintRate', kind: 'C', formula: 'abuses.unique / destinations', isRatio: true },
  opensPerOpener: { id: 'opensPerOpener', kind: '-', formula: 'impressions.total / impressions.unique', isRatio: false },
};

/** The four rates the emailing page shows side by side (the issue), then the rest. */
export const HEADLINE_RATES: RateId[] = ['openRate', 'clickRate', 'clickToOpenRate', 'ctr'];
export const OTHER_RATES: RateId[] = [
  'deliveryRate',
  'bounceRate',
  'hardBounceRate',
  'openRateDelivered',
  'unsubscribeRate',
  'complaintRate',
  'opensPerOpener',
];

export function computeRates(s: EmailingStatistics): Record<RateId, number | null> {
  const d = s.dominant;
  return {
    openRate: ratio(s.impressions.unique, s.destinations),
    clickRate: ratio(s.clicks.unique, s.deliveries),
    clickToOpenRate: ratio(s.clicks.unique, s.impressions.unique),
    ctr: d ? ratio(d.clicks, d.impressions + d.clicks) : null,
    deliveryRate: ratio(s.deliveries, s.destinations),
    bounceRate: ratio(s.errors.unique, s.destinations),
    hardBounceRate: d ? ratio(d.errors, s.destinations) : null,
    openRateDelivered: ratio(s.impressions.unique, s.deliveries),
    unsubscribeRate: ratio(s.unsubscribes.unique, s.deliveries),
    complaintRate: ratio(s.abuses.unique, s.destinations),
    opensPerOpener: ratio(s.impressions.total, s.impressions.unique),
  };
}

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
