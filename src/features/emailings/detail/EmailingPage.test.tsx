import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { DOCUMENTED_STATISTICS } from '../utils/documented-statistics.fixture';
import { EmailingPage } from './EmailingPage';

const emailing = {
  id: '4127',
  timestamp: '2024-03-05 09:30:12',
  document: '318',
  template: '77',
  subject: 'Emailing subject',
  description: 'Newsletter week 10',
  from_address: { name: 'Orrery Shop', email: 'news@shop.example.com' },
  destinations: '48210',
  testgroups: 0,
  type: 'mass',
  clicks: '2311',
  impressions: '21760',
  errors: '975',
  unsubscribes: '61',
  abuses: '4',
  contenttype: 'html',
  target: { type: 'database', sources: [{ id: '3', type: 'database' }] },
};
const stats = DOCUMENTED_STATISTICS;
const windowStats = { ...stats, impressions: { total: 10, unique: 5 }, clicks: { total: 2, unique: 1 } };

function serve() {
  return stubFetch((url) => {
    const p = url.pathname;
    if (p === '/api/v3/publisher/emailing/4127') return json(emailing);
    if (p === '/api/v3/publisher/emailing/4127/snapshot')
      return json({ document: '318', name: 'Week 10', from_address: '"Orrery Shop" <news@shop.example.com>', subject: 'Snapshot subject' });
    if (p === '/api/v3/publisher/emailing/4127/statistics') return json(url.searchParams.has('begintime') ? windowStats : stats);
    if (p === '/api/v3/publisher/document/318') return json({ id: '318', name: 'Newsletter doc', template: '77' });
    return undefined;
  });
}

/** The browser's IntersectionObserver, driven by the test: `scrollIntoView()` reports every observed element as visible. */
function stubIntersectionObserver() {
  const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
  class FakeObserver {
    private entry: { callback: IntersectionObserverCallback; targets: Element[] };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [] };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.push(target);
    }
    unobserve() {}
    disconnect() {
      this.entry.targets = [];
    }
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return {
    scrollIntoView: () =>
      act(() => {
        for (const o of observers)
          o.callback(
            o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
            {} as IntersectionObserver,
          );
      }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EmailingPage', () => {
  it('shows the key figures and the rates from the statistics, each with its formula in words', async () => {
    const calls = serve();
    const viewport = stubIntersectionObserver();
    renderWithProviders(<EmailingPage />, { route: '/emailings/publisher/4127', path: '/emailings/:system/:emailingId' });
    await waitFor(() => expect(screen.getByTestId('emailing-subject')).toHaveTextContent('Snapshot subject'), { timeout: 10_000 });
    const figure = (id: string) => within(screen.getByTestId(`figure-${id}`)).getByTestId('figure-value');
    expect(await screen.findByTestId('figure-destinations')).toBeInTheDocument();
    expect(figure('destinations')).toHaveTextContent('48,210');
    expect(figure('deliveries')).toHaveTextContent('47,688');
    expect(figure('impressionsUnique')).toHaveTextContent('12,044');
    expect(figure('clicksUnique')).toHaveTextContent('1,387');
    expect(figure('clicksTotal')).toHaveTextContent('2,311');
    expect(figure('abuses')).toHaveTextContent('4');
    const rate = (id: string) => within(screen.getByTestId(`rate-${id}`)).getByTestId('rate-value');
    expect(rate('openRate')).toHaveTextContent('25.3%');
    expect(rate('percentageOpened')).toHaveTextContent('25.0%');
    expect(rate('clickRate')).toHaveTextContent('2.9%');
    expect(rate('clickToOpenRate')).toHaveTextContent('11.5%');
    expect(rate('ctr')).toHaveTextContent('11.3%');
    // each rate says what it divides, in words; Copernica's CTR says it is Copernica's
    expect(within(screen.getByTestId('rate-clickRate')).getByTestId('rate-formula')).toHaveTextContent(
      'unique clicks ÷ delivered messages',
    );
    expect(within(screen.getByTestId('rate-ctr')).getByTestId('rate-name')).toHaveTextContent(
      'Click-through rate (Copernica’s definition)',
    );
    expect(rate('hardBounceRate')).toHaveTextContent('1.1%');
    expect(rate('softBounceRate')).toHaveTextContent('0.37%');
    // dominant "No response" = deliveries + destinations without any result (§7.3)
    expect(within(screen.getByTestId('dominant-noResponse')).getByTestId('dominant-value')).toHaveTextContent('35,497');
    // the time series asks one window per hour/day with begintime/endtime, once it is near the viewport
    const windowCalls = () => calls.filter((c) => c.url.pathname.endsWith('/statistics') && c.url.searchParams.has('begintime'));
    expect(windowCalls()).toHaveLength(0);
    viewport.scrollIntoView();
    await waitFor(() => expect(windowCalls().length).toBeGreaterThan(0));
    const windows = windowCalls();
    expect(windows[0]?.url.searchParams.get('begintime')).toMatch(/^2024-03-0[45] 00:00:00$/);
  }, 30_000);

  it('explains a figure and links to the selection builder with the Email condition', async () => {
    serve();
    renderWithProviders(<EmailingPage />, { route: '/emailings/publisher/4127', path: '/emailings/:system/:emailingId' });
    const card = await screen.findByTestId('figure-clicksUnique');
    const link = await within(card).findByRole('link', { name: 'Select these profiles' });
    const href = link.getAttribute('href') ?? '';
    expect(href.startsWith('/databases/3/selections/new?condition=')).toBe(true);
    const condition = JSON.parse(decodeURIComponent(href.split('condition=')[1] ?? ''));
    expect(condition).toMatchObject({
      type: 'Email',
      document: 'Newsletter doc',
      'required-result': 'anyclick',
      'after-time': '2024-03-05 09:30:12',
    });
    expect(within(card).getByRole('link', { name: 'Show these clicks' })).toHaveAttribute(
      'href',
      '/emailings/publisher/4127/events/clicks',
    );
    await userEvent.click(within(card).getByRole('button', { name: 'How is “Unique clicks” computed?' }));
    expect(await screen.findByTestId('figure-api')).toHaveTextContent('clicks.unique');
  }, 30_000);

  it("shows Copernica's message for an unknown emailing", async () => {
    stubFetch(() => json({ error: { message: 'No emailing with supplied ID' } }, { status: 400 }));
    renderWithProviders(<EmailingPage />, { route: '/emailings/ms/999', path: '/emailings/:system/:emailingId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('No emailing with supplied ID');
  });
});
