import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { EmailingsPage } from './EmailingsPage';

const ms = (id: number) => ({
  id: String(id),
  timestamp: `2024-03-${String(id).padStart(2, '0')} 10:00:00`,
  subject: `Mailing ${id}`,
  destinations: 100 * id,
  type: 'mass',
  target: { type: 'database', sources: [] },
});

describe('EmailingsPage (Marketing Suite)', () => {
  it('fetches the statistics of all visible rows in parallel, newest first', async () => {
    const list = [1, 2, 3, 4, 5].map(ms);
    let pending: (() => void)[] = [];
    const calls = stubFetch((url) => {
      if (url.pathname === '/api/v3/ms/emailings')
        return json({ start: 0, limit: 1000, count: list.length, data: list, total: list.length });
      const m = /^\/api\/v3\/ms\/emailing\/(\d+)\/statistics$/.exec(url.pathname);
      if (!m) return undefined;
      const id = Number(m[1]);
      // Hold every answer until all five were asked: a waterfall would never get there.
      return new Promise<Response>((resolve) => {
        pending.push(() =>
          resolve(
            json({
              destinations: 100 * id,
              deliveries: { total: 100 * id },
              impressions: { total: 50 * id, unique: 10 * id },
              clicks: { total: 5, unique: id },
            }),
          ),
        );
        if (pending.length === list.length) {
          for (const release of pending) release();
          pending = [];
        }
      });
    });
    renderWithProviders(<EmailingsPage />, { route: '/emailings?system=ms' });
    const rows = await screen.findAllByTestId(/^emailing-row-ms:/);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'emailing-row-ms:5',
      'emailing-row-ms:4',
      'emailing-row-ms:3',
      'emailing-row-ms:2',
      'emailing-row-ms:1',
    ]);
    // open rate = impressions.unique / destinations = 10 %
    expect(await within(rows[0] as HTMLElement).findByText('10.0%')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname.endsWith('/statistics'))).toHaveLength(5);
  });

  it('says so when nothing matches', async () => {
    stubFetch((url) =>
      url.pathname === '/api/v3/publisher/emailings' ? json({ start: 0, limit: 1000, count: 0, data: [], total: 0 }) : undefined,
    );
    renderWithProviders(<EmailingsPage />, { route: '/emailings', locale: 'nl' });
    expect(await screen.findByText('Geen mailings voldoen aan deze filters.')).toBeInTheDocument();
  });
});

describe('EmailingsPage (Publisher test sends)', () => {
  it('leaves test sends out by default (test=no) and asks for all of them when switched on', async () => {
    const calls = stubFetch((url) =>
      url.pathname === '/api/v3/publisher/emailings' ? json({ start: 0, limit: 1000, count: 0, data: [], total: 0 }) : undefined,
    );
    renderWithProviders(<EmailingsPage />, { route: '/emailings', locale: 'nl' });
    await screen.findByText('Geen mailings voldoen aan deze filters.');
    expect(calls.map((c) => c.url.searchParams.get('test'))).toEqual(['no']);
    fireEvent.click(screen.getByTestId('include-tests'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.url.searchParams.has('test')).toBe(false);
    expect(screen.getByText('Testverzendingen meenemen')).toBeInTheDocument();
  }, 15_000);
});
