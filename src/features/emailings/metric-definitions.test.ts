import { describe, expect, it } from 'vitest';
import { type EmailingStatistics, normalizeStatistics } from '@/api/emailings';
import { formatMessage, type Locale } from '@/i18n/i18n';
import { apiFormula, computeRates, RATE_DEFINITIONS, RATE_ORDER, type RateId, rateWords, ratio } from './metric-definitions';
import { metricMessages } from './metric-messages';
import { DOCUMENTED_STATISTICS } from './utils/documented-statistics.fixture';

// The example of docs/api/emailings.md §7.1; every expected value below is worked out by hand from it.
const example: EmailingStatistics = normalizeStatistics(DOCUMENTED_STATISTICS);

const translator = (locale: Locale) => (key: string, vars?: Record<string, string>) =>
  formatMessage((metricMessages[locale] as Record<string, string>)[key] ?? `MISSING ${key}`, vars, locale);

describe('computeRates', () => {
  const r = computeRates(example);
  it.each([
    ['openRate', 12044 / 47688, 0.2526],
    ['clickRate', 1387 / 47688, 0.0291],
    ['clickToOpenRate', 1387 / 12044, 0.1152],
    ['hardBounceRate', 522 / 48210, 0.0108],
    ['softBounceRate', (702 - 522) / 48210, 0.0037],
    ['unsubscribeRate', 61 / 47688, 0.0013],
    ['complaintRate', 4 / 47688, 0.0001],
    ['deliveryRate', 47688 / 48210, 0.9892],
    ['percentageOpened', 12044 / 48210, 0.2498],
    ['ctr', 1367 / (10760 + 1367), 0.1127],
    ['percentageComplaints', 4 / 48210, 0.0001],
    ['opensPerOpener', 21760 / 12044, 1.8067],
  ] as const)('%s divides the counts its definition names', (id, exact, rounded) => {
    expect(r[id]).toBeCloseTo(exact, 10);
    expect(r[id]).toBeCloseTo(rounded, 4);
  });

  it('soft and hard bounces together are the messages with an error', () => {
    expect((r.softBounceRate ?? 0) + (r.hardBounceRate ?? 0)).toBeCloseTo(702 / 48210, 12);
  });

  it('never divides by zero, and leaves out what needs dominant results when they are missing', () => {
    for (const value of Object.values(computeRates(normalizeStatistics({ destinations: 0 })))) expect(value).toBeNull();
    expect(ratio(1, 0)).toBeNull();
    const noDominant = computeRates({ ...example, dominant: undefined });
    expect(noDominant.ctr).toBeNull();
    expect(noDominant.hardBounceRate).toBeNull();
    expect(noDominant.softBounceRate).toBeNull();
    expect(noDominant.openRate).toBeCloseTo(12044 / 47688);
  });
});

describe('one definition per label', () => {
  it('no two rates divide the same counts', () => {
    const divisions = RATE_ORDER.map((id) => `${RATE_DEFINITIONS[id].numerator}/${RATE_DEFINITIONS[id].denominator}`);
    expect(new Set(divisions).size).toBe(divisions.length);
  });

  it('puts the industry rates before Copernica’s own figures', () => {
    const groups = RATE_ORDER.map((id) => RATE_DEFINITIONS[id].group);
    expect(groups.lastIndexOf('industry')).toBeLessThan(groups.indexOf('copernica'));
  });

  it('keeps the API’s names for the developer detail', () => {
    expect(apiFormula('clickRate')).toBe('clicks.unique / deliveries.total');
    expect(apiFormula('ctr')).toBe('dominant_results.clicks / (dominant_results.impressions + dominant_results.clicks)');
  });
});

describe('rateWords', () => {
  it('says each formula in words, in English and Dutch', () => {
    expect(rateWords('clickRate', translator('en')).formula).toBe('unique clicks ÷ delivered messages');
    expect(rateWords('clickRate', translator('nl')).formula).toBe('unieke kliks ÷ afgeleverde berichten');
    expect(rateWords('openRate', translator('en'))).toMatchObject({ name: 'Open rate', formula: 'unique opens ÷ delivered messages' });
    expect(rateWords('hardBounceRate', translator('nl')).formula).toBe('nooit afgeleverde berichten ÷ verzonden berichten');
    expect(rateWords('ctr', translator('en')).name).toBe('Click-through rate (Copernica’s definition)');
  });

  it.each(['en', 'nl'] as const)('never explains a rate with an API name (%s)', (locale) => {
    for (const id of RATE_ORDER as RateId[]) {
      const w = rateWords(id, translator(locale));
      for (const text of [w.name, w.meaning, w.formula]) {
        expect(text).not.toMatch(/MISSING|[a-z]+[._][a-z]+|\{/);
      }
    }
  });

  it('marks Copernica’s own figures as Copernica’s in their name', () => {
    for (const id of RATE_ORDER.filter((x) => RATE_DEFINITIONS[x].group === 'copernica'))
      for (const locale of ['en', 'nl'] as const) expect(rateWords(id, translator(locale)).name).toMatch(/Copernica/);
  });
});
