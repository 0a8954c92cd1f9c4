import { describe, expect, it } from 'vitest';
import { type EmailingStatistics, normalizeStatistics } from '@/api/emailings';
import { DOCUMENTED_STATISTICS } from './documented-statistics.fixture';
import { computeRates, dominantBreakdown, messagesPerDay, sumStatistics } from './metrics.utils';

// The example of docs/api/emailings.md §7.1.
const example: EmailingStatistics = normalizeStatistics(DOCUMENTED_STATISTICS);

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
    expect(computeRates(sum).ctr).toBeCloseTo(computeRates(example).ctr ?? 0);
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
