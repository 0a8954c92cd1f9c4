import { type QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient, FORGET_FAILURE_AFTER_MS } from './query-client';

function Page({ read }: { read: () => Promise<string> }) {
  const query = useQuery({ queryKey: ['databases'], queryFn: read });
  if (query.isError) return <p>failed: {query.error.message}</p>;
  return <p>{query.data ?? 'loading'}</p>;
}

const renderPage = (client: QueryClient, read: () => Promise<string>) =>
  render(
    <QueryClientProvider client={client}>
      <Page read={read} />
    </QueryClientProvider>,
  );

describe('createQueryClient', () => {
  it('a page mounting after its prefetch failed shows that failure without asking again', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValue(new Error('unexpected shape'));
    await client.prefetchQuery({ queryKey: ['databases'], queryFn: read });
    renderPage(client, read);
    expect(await screen.findByText('failed: unexpected shape')).toBeInTheDocument();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a failure shown by one view and then another (loading view swapped for error view) is not asked again', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValue(new Error('unexpected shape'));
    const first = renderPage(client, read);
    expect(await screen.findByText('failed: unexpected shape')).toBeInTheDocument();
    first.unmount();
    renderPage(client, read);
    expect(await screen.findByText('failed: unexpected shape')).toBeInTheDocument();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('coming back to a page that failed asks the API again', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValueOnce(new Error('unexpected shape')).mockResolvedValue('3 databases');
    const first = renderPage(client, read);
    expect(await screen.findByText('failed: unexpected shape')).toBeInTheDocument();
    first.unmount();
    await new Promise((resolve) => setTimeout(resolve, FORGET_FAILURE_AFTER_MS + 50));
    renderPage(client, read);
    expect(await screen.findByText('3 databases')).toBeInTheDocument();
    await waitFor(() => expect(read).toHaveBeenCalledTimes(2));
  });
});
