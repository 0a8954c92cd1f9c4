import { describe, expect, it } from 'vitest';
import { type Emailing, normalizeStatistics } from '@/api/emailings';
import { Pager } from '@/components/Pager';
import { commonMessages } from '@/i18n/common';
import type { Catalog } from '@/i18n/i18n';
import { renderWithProviders } from '@/test/render';
import { accountMessages } from './account/messages';
import { KeyFigures } from './detail/KeyFigures';
import { RatesPanel } from './detail/RatesPanel';
import { splitRunMessages } from './detail/split-run-messages';
import { EventsTable } from './events/EventsTable';
import { eventMessages } from './events/event-messages';
import { emailingMessages } from './messages';
import { LIST_RATES } from './metric-definitions';
import { metricMessages } from './metric-messages';
import { RateLegend } from './shared/RateLegend';
import { TypeBadge } from './shared/TypeBadge';
import { DOCUMENTED_STATISTICS } from './utils/documented-statistics.fixture';

/**
 * A statistics screen in Dutch shows no English: every English string of the statistics catalogues whose
 * Dutch differs is looked for in the rendered text and in the labels a screen reader reads.
 */
const catalogues: Catalog<string>[] = [emailingMessages, metricMessages, accountMessages, splitRunMessages, eventMessages, commonMessages];
const englishOnly = [
  ...new Set(
    catalogues.flatMap((c) =>
      Object.entries(c.en)
        .filter(([key, en]) => en !== c.nl[key])
        // the literal parts around placeholders and plurals, long enough to mean something
        .flatMap(([, en]) => en.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/))
        .map((part) => part.trim())
        .filter((part) => part.length >= 5 && /[a-z]{3}/i.test(part)),
    ),
  ),
];

function everythingSaid(container: HTMLElement): string {
  const labels = [...container.querySelectorAll('[aria-label], [title], [placeholder]')].map((el) =>
    ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
  );
  return `${container.textContent ?? ''} ${labels.join(' ')}`;
}

function expectNoEnglish(container: HTMLElement) {
  const said = everythingSaid(container);
  expect(englishOnly.filter((en) => said.includes(en))).toEqual([]);
}

const emailing = {
  id: '4127',
  system: 'publisher',
  type: 'mass',
  target: { type: 'database', sources: [{ id: '3', type: 'database' }] },
} as Emailing;
const stats = normalizeStatistics(DOCUMENTED_STATISTICS);
const unsubscribe = {
  ID: '7781',
  mailing: '633',
  timestamp: '2024-03-06 08:14:50',
  source: 'link',
  success: true,
  destination: '918274',
  profile: '552020',
  subprofile: null,
};

describe('statistics screens in Dutch', () => {
  it('knows English when it sees it (the check itself)', () => {
    const { container } = renderWithProviders(<RatesPanel emailing={emailing} stats={stats} />, { locale: 'en' });
    expect(englishOnly.filter((en) => everythingSaid(container).includes(en)).length).toBeGreaterThan(5);
  }, 30_000);

  it('rates, key figures, legends and badges', () => {
    const { container } = renderWithProviders(
      <>
        <KeyFigures emailing={emailing} stats={stats} selectUrl={() => null} />
        <RatesPanel emailing={emailing} stats={stats} />
        <RateLegend ids={LIST_RATES} />
        <TypeBadge type="mass" />
        <TypeBadge type="individual" />
      </>,
      { locale: 'nl' },
    );
    expectNoEnglish(container);
  }, 30_000);

  it('event lists and their pager', () => {
    const { container } = renderWithProviders(
      <>
        <EventsTable events={[unsubscribe]} system="ms" />
        <Pager start={0} limit={100} count={6} total={6} onChange={() => {}} />
      </>,
      { locale: 'nl' },
    );
    expect(container.textContent).toContain('Rijen 1–6 van 6');
    expect(container.textContent).toContain('de afmeldlink');
    expectNoEnglish(container);
  }, 30_000);
});
