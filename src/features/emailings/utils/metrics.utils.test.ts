import { describe, expect, it } from 'vitest';
import { type EmailingStatistics, normalizeStatistics } from '@/api/emailings';
import { computeRates, dominantBreakdown, messagesPerDay, ratio, sumStatistics } from './metrics.utils';

// The example of docs/api/emailings.md §7.1 (its numbers feed the §11.3 examples).
const example: EmailingStatistics = normalizeStatistics({
  destinations: 48210,
  deliveries: { total: 47688 },
  errors: { total: 975, unique: 702 },
  impressions: { total: 21760, unique: 12044 },
  clicks: { total: 2311, unique: 1387 },
  unsubscribes: { total: 61, unique: 61 },
  abuses: { total: 4, unique: 4 },
  unknown: { total: 0 },
  dominant_results: { destinations: 48210, errors: 522, abuses: 4, unsubscribes: 60, clicks: 1367, impressions: 10760, deliveries: 35497 },
});

describe('computeRates (docs/api/emailings.md §11.3)', () => {
  const r = computeRates(example);
  it.each([
    ['openRate', 12044 / 48210, 0.25],
    ['openRateDelivered', 12044 / 47688, 0.253],
    ['clickRate', 1387 / 47688, 0.029],
    ['clickToOpenRate', 1387 / 12044, 0.115],
    ['ctr', 1367 / (10760 + 1367), 0.113],
    ['deliveryRate', 47688 / 48210, 0.989],
    ['bounceRate', 702 / 48210, 0.0146],
    ['hardBounceRate', 522 / 48210, 0.0108],
    ['unsubscribeRate', 61 / 47688, 0.0013],
    ['complaintRate', 4 / 48210, 0.00008],
    ['opensPerOpener', 21760 / 12044, 1.81],
  ] as const)('%s = its formula, matching the digest example', (id, exact, rounded) => {
    expect(r[id]).toBeCloseTo(exact, 10);
    expect(r[id]).toBeCloseTo(rounded, rounded < 0.01 ? 4 : 2);
  });

  it('CTR (Copernica) and click-to-open rate are different figures', () => {
    expect(r.ctr).not.toBeCloseTo(r.clickToOpenRate ?? 0, 3);
  });

  it('never divides by zero', () => {
    const empty = normalizeStatistics({ destinations: 0 });
    const rates = computeRates(empty);
    for (const value of Object.values(rates)) expect(value).toBeNull();
    expect(ratio(1, 0)).toBeNull();
  });

  it('has no CTR or hard bounce rate without dominant results', () => {
    const noDominant = { ...example, dominant: undefined };
    expect(computeRates(noDominant).ctr).toBeNull();
    expect(computeRates(noDominant).hardBounceRate).toBeNull();
    expect(computeRates(noDominant).openRate).toBeCloseTo(12044 / 48210);
  });
});

describe('dominantBreakdown (§7.3)', () => {
  it('adds destinations without any event to "No response" so the parts sum to destinations', () => {
    const parts = dominantBreakdown({
      destinations: 100,
      errors: 5,
      deliveries: 50,
      impressions: 20,
      clicks: 10,
      unsubscribes: 2,
      abuses: 1,
    });
    expect(parts.noResponse).toBe(50 + 12);
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('sumStatistics', () => {
  it('adds counters and uniques of separate emailings', () => {
    const sum = sumStatistics([example, example]);
    expect(sum.destinations).toBe(2 * 48210);
    expect(sum.clicks).toEqual({ total: 2 * 2311, unique: 2 * 1387 });
    expect(sum.dominant?.clicks).toBe(2 * 1367);
    expect(computeRates(sum).openRate).toBeCloseTo(computeRates(example).openRate ?? 0);
  });
  it('drops dominant results when one emailing lacks them', () => {
    expect(sumStatistics([example, { ...example, dominant: undefined }]).dominant).toBeUndefined();
    expect(sumStatistics([]).destinations).toBe(0);
  });
  it('messages per day guards an empty period', () => {
    expect(messagesPerDay(300, 3)).toBe(100);
    expect(messagesPerDay(300, 0)).toBeNull();
  });
});
