import type { EmailingStatistics } from '@/api/emailings';

/**
 * The one set of rate definitions every statistics panel uses (overview, list, split run, period,
 * compare), so a label always means the same division. A rate is a count divided by a count; the counts
 * are named in words by metric-messages.ts (`q_<id>`), the rates by their id. The API keys are kept here
 * for the developer detail only (docs/api/emailings.md §7.2, §7.3, §11).
 */

/** A count read from the statistics; `null` when the answer lacks what it needs (no dominant results). */
type Quantity = { api: string; read: (s: EmailingStatistics) => number | null };

export const QUANTITIES = {
  sent: { api: 'destinations', read: (s) => s.destinations },
  delivered: { api: 'deliveries.total', read: (s) => s.deliveries },
  uniqueOpens: { api: 'impressions.unique', read: (s) => s.impressions.unique },
  totalOpens: { api: 'impressions.total', read: (s) => s.impressions.total },
  uniqueClicks: { api: 'clicks.unique', read: (s) => s.clicks.unique },
  uniqueUnsubscribes: { api: 'unsubscribes.unique', read: (s) => s.unsubscribes.unique },
  uniqueComplaints: { api: 'abuses.unique', read: (s) => s.abuses.unique },
  /** a destination whose strongest result is an error was never delivered (§7.3) */
  neverDelivered: { api: 'dominant_results.errors', read: (s) => s.dominant?.errors ?? null },
  /** met an error, yet its strongest result is a delivery or better: delivered in the end */
  deliveredAfterError: {
    api: 'errors.unique − dominant_results.errors',
    read: (s) => (s.dominant ? Math.max(0, s.errors.unique - s.dominant.errors) : null),
  },
  bestResultClick: { api: 'dominant_results.clicks', read: (s) => s.dominant?.clicks ?? null },
  bestResultOpenOrClick: {
    api: '(dominant_results.impressions + dominant_results.clicks)',
    read: (s) => (s.dominant ? s.dominant.impressions + s.dominant.clicks : null),
  },
} satisfies Record<string, Quantity>;
export type QuantityId = keyof typeof QUANTITIES;

/** Whose definition a rate follows: common industry usage, or Copernica's own key figure (named as Copernica names it). */
export type RateGroup = 'industry' | 'copernica' | 'other';

export type RateDefinition = { group: RateGroup; numerator: QuantityId; denominator: QuantityId; isRatio: boolean };

const rate = (group: RateGroup, numerator: QuantityId, denominator: QuantityId, isRatio = true): RateDefinition => ({
  group,
  numerator,
  denominator,
  isRatio,
});

export const RATE_DEFINITIONS = {
  openRate: rate('industry', 'uniqueOpens', 'delivered'),
  clickRate: rate('industry', 'uniqueClicks', 'delivered'),
  clickToOpenRate: rate('industry', 'uniqueClicks', 'uniqueOpens'),
  hardBounceRate: rate('industry', 'neverDelivered', 'sent'),
  softBounceRate: rate('industry', 'deliveredAfterError', 'sent'),
  unsubscribeRate: rate('industry', 'uniqueUnsubscribes', 'delivered'),
  complaintRate: rate('industry', 'uniqueComplaints', 'delivered'),
  deliveryRate: rate('industry', 'delivered', 'sent'),
  percentageOpened: rate('copernica', 'uniqueOpens', 'sent'),
  ctr: rate('copernica', 'bestResultClick', 'bestResultOpenOrClick'),
  percentageComplaints: rate('copernica', 'uniqueComplaints', 'sent'),
  opensPerOpener: rate('other', 'totalOpens', 'uniqueOpens', false),
} satisfies Record<string, RateDefinition>;
export type RateId = keyof typeof RATE_DEFINITIONS;

/** Industry rates first (the order of the emailing page), then Copernica's own figures, then the rest. */
export const RATE_ORDER = Object.keys(RATE_DEFINITIONS) as RateId[];
export const HEADLINE_RATES: RateId[] = ['openRate', 'clickRate', 'clickToOpenRate', 'hardBounceRate'];
export const INDUSTRY_RATES = RATE_ORDER.filter((id) => RATE_DEFINITIONS[id].group === 'industry');
export const COPERNICA_RATES = RATE_ORDER.filter((id) => RATE_DEFINITIONS[id].group !== 'industry');
/** The columns of the emailing list, the period table and the split-run groups. */
export const LIST_RATES: RateId[] = ['openRate', 'clickRate', 'clickToOpenRate'];

export const ratio = (numerator: number | null, denominator: number | null): number | null =>
  numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;

export function computeRate(id: RateId, s: EmailingStatistics): number | null {
  const d = RATE_DEFINITIONS[id];
  return ratio(QUANTITIES[d.numerator].read(s), QUANTITIES[d.denominator].read(s));
}

export function computeRates(s: EmailingStatistics): Record<RateId, number | null> {
  return Object.fromEntries(RATE_ORDER.map((id) => [id, computeRate(id, s)])) as Record<RateId, number | null>;
}

/** The formula in the API's own names: for the developer detail, never as the explanation. */
export function apiFormula(id: RateId): string {
  const d = RATE_DEFINITIONS[id];
  return `${QUANTITIES[d.numerator].api} / ${QUANTITIES[d.denominator].api}`;
}

/** Words for a rate from a translator of metricMessages: its name, what it says, and its formula in words. */
export type RateWords = { name: string; meaning: string; formula: string; api: string };
type Translate = (key: `q_${QuantityId}` | RateId | `${RateId}Meaning` | 'formulaInWords', vars?: Record<string, string>) => string;

export function rateWords(id: RateId, t: Translate): RateWords {
  const d = RATE_DEFINITIONS[id];
  return {
    name: t(id),
    meaning: t(`${id}Meaning`),
    formula: t('formulaInWords', { numerator: t(`q_${d.numerator}`), denominator: t(`q_${d.denominator}`) }),
    api: apiFormula(id),
  };
}
