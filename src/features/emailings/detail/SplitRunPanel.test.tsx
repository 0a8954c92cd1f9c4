import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Emailing } from '@/api/emailings';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { SplitRunPanel } from './SplitRunPanel';

const emailing = { id: '4130', system: 'publisher' } as Emailing;
const counter = (total: number, unique: number) => ({ total: String(total), unique: String(unique) });
// Group A: 1000 delivered, 300 opened, 90 clicked; group B: 1000 delivered, 320 opened, 120 clicked.
const groups = {
  '71': { opens: 300, clicks: 90, delivered: 1000 },
  '72': { opens: 320, clicks: 120, delivered: 1000 },
  '73': { opens: 15000, clicks: 5000, delivered: 50000 },
};

function serve() {
  stubFetch((url) => {
    const p = url.pathname;
    if (p === '/api/v3/publisher/emailing/4130/testgroups')
      return json({
        start: 0,
        limit: 100,
        count: 2,
        total: 2,
        data: [
          { ID: '71', name: 'Version A', subject: 'Spring is here', destinations: '1010' },
          { ID: '72', name: 'Version B', subject: 'Our spring sale', destinations: '1012' },
        ],
      });
    if (p === '/api/v3/publisher/emailing/4130/finalgroup')
      return json({ ID: '73', name: 'Final', subject: 'Our spring sale', destinations: '50500' });
    const m = /^\/api\/v3\/publisher\/testgroup\/(\d+)\/(statistics|deliveries)$/.exec(p);
    const g = m ? groups[m[1] as keyof typeof groups] : undefined;
    if (!m || !g) return undefined;
    if (m[2] === 'deliveries') return json({ start: 0, limit: 1, count: 1, data: [{ ID: '1' }], total: g.delivered });
    return json({
      clicks: counter(g.clicks * 2, g.clicks),
      impressions: counter(g.opens * 2, g.opens),
      errors: counter(0, 0),
      unsubscribes: counter(0, 0),
      abuses: counter(0, 0),
      unknown: { total: '0' },
    });
  });
}

describe('SplitRunPanel', () => {
  it('shows the same rates per group and says which version won, with the hand-computed p-value', async () => {
    serve();
    renderWithProviders(<SplitRunPanel emailing={emailing} />);
    const verdict = await screen.findByTestId('split-run-verdict', undefined, { timeout: 10_000 });
    // click rates 12 % vs 9 %: pooled 0.105, SE 0.0137095, z = 2.1883, two-sided p = 0.0287 (< 0.05)
    expect(verdict).toHaveTextContent('Version B wins on click rate');
    expect(verdict).toHaveTextContent('95% confident that the click rate of Version B (12.0%) is higher than that of Version A (9.0%)');
    expect(verdict).toHaveTextContent('by chance in 2.9% of split runs (p = 0.029)');
    const b = screen.getByTestId('group-72');
    expect(within(b).getByTestId('group-delivered')).toHaveTextContent('1,000');
    expect(within(b).getByTestId('group-openRate')).toHaveTextContent('32.0%');
    expect(within(b).getByTestId('group-clickRate')).toHaveTextContent('12.0%');
    expect(within(b).getByTestId('group-clickToOpenRate')).toHaveTextContent('37.5%');
    expect(within(b).getByTestId('group-winner')).toBeInTheDocument();
    expect(within(screen.getByTestId('group-73')).getByText('final group')).toBeInTheDocument();

    // opens: 32 % vs 30 %: pooled 0.31, SE 0.0206833, z = 0.9670, p = 0.334: not significant
    await userEvent.click(screen.getByRole('radio', { name: 'Open rate' }));
    expect(screen.getByTestId('split-run-verdict')).toHaveTextContent('Not yet significant');
    expect(screen.getByTestId('split-run-verdict')).toHaveTextContent('(p = 0.334)');
    expect(screen.queryByTestId('group-winner')).toBeNull();

    // at 99 % the click difference is no longer enough
    await userEvent.click(screen.getByRole('radio', { name: 'Click rate' }));
    await userEvent.click(screen.getByRole('radio', { name: '99%' }));
    expect(screen.getByTestId('split-run-verdict')).toHaveTextContent('more than the 1% allowed at 99% confidence');
  }, 30_000);

  it('says it in Dutch', async () => {
    serve();
    renderWithProviders(<SplitRunPanel emailing={emailing} />, { locale: 'nl' });
    const verdict = await screen.findByTestId('split-run-verdict', undefined, { timeout: 10_000 });
    expect(verdict).toHaveTextContent('Version B wint op klikpercentage');
    expect(verdict).toHaveTextContent('Voor 95% zeker dat het klikpercentage van Version B (12,0%) hoger is');
    expect(screen.getByText('finale groep')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Afgeleverde berichten' })).toBeInTheDocument();
  }, 30_000);
});
