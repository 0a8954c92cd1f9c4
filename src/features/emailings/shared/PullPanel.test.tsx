import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { AUTO_PULL_LIMIT, PullPanel } from './PullPanel';

const scope = { kind: 'emailing', system: 'ms', id: '633' } as const;
const page = (start: number, count: number, total: number) => ({
  start,
  limit: 1000,
  count,
  total,
  data: Array.from({ length: count }, (_, i) => ({
    ID: String(start + i + 1),
    timestamp: '2024-03-12 14:00:00',
    destination: String(i % 7),
  })),
});

describe('PullPanel', () => {
  it('reads a small list page by page on its own and hands over all of it', async () => {
    const calls = stubFetch((url) => {
      const start = Number(url.searchParams.get('start'));
      return json(page(start, start === 0 ? 1000 : 500, 1500));
    });
    renderWithProviders(
      <PullPanel scope={scope} type="clicks" expected={1500}>
        {(events) => <p>got {events.length}</p>}
      </PullPanel>,
    );
    expect(await screen.findByText('got 1500')).toBeInTheDocument();
    expect(calls.map((c) => c.url.searchParams.get('start'))).toEqual(['0', '1000']);
    expect(calls[0]?.url.pathname).toBe('/api/v3/ms/emailing/633/clicks');
  });

  it('waits for a click on a huge list, shows progress, and Cancel aborts the request', async () => {
    const signals: AbortSignal[] = [];
    stubFetch((url, init) => {
      if (init?.signal) signals.push(init.signal);
      if (url.searchParams.get('start') === '0') return json(page(0, 1000, 90_000));
      // the second page never answers until aborted
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    renderWithProviders(
      <PullPanel scope={scope} type="impressions" expected={AUTO_PULL_LIMIT + 70_000}>
        {(events) => <p>got {events.length}</p>}
      </PullPanel>,
    );
    const start = await screen.findByRole('button', { name: 'Load all impressions (90,000)' });
    expect(signals).toHaveLength(0);
    await userEvent.click(start);
    expect(await screen.findByText('Reading 1,000 of 90,000…')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(signals.at(-1)?.aborted).toBe(true));
    expect(await screen.findByText('Stopped. Nothing shown is partial.')).toBeInTheDocument();
    expect(screen.queryByText(/^got/)).not.toBeInTheDocument();
  });
});
