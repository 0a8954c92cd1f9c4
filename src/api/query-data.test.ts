import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/app/query-client';
import { fetchQueryOnce, firstLoadError, refetchFailed, SAME_LOAD_MS } from './query-data';

afterEach(() => vi.useRealTimers());

describe('fetchQueryOnce', () => {
  it('does not ask again for what another part of the same page load just failed to get', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValue(new Error('Not signed in'));
    await client.prefetchQuery({ queryKey: ['database', '31'], queryFn: read });
    await expect(fetchQueryOnce(client, { queryKey: ['database', '31'], queryFn: read })).rejects.toThrow('Not signed in');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('asks again once the failure is older than the page load (a Retry)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValueOnce(new Error('Not signed in')).mockResolvedValue({ ID: '31' });
    await client.prefetchQuery({ queryKey: ['database', '31'], queryFn: read });
    vi.setSystemTime(Date.now() + SAME_LOAD_MS + 1);
    await expect(fetchQueryOnce(client, { queryKey: ['database', '31'], queryFn: read })).resolves.toEqual({ ID: '31' });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('shares an answer still on its way, and asks when nobody asked yet', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockResolvedValue({ ID: '31' });
    void client.prefetchQuery({ queryKey: ['database', '31'], queryFn: read });
    await expect(fetchQueryOnce(client, { queryKey: ['database', '31'], queryFn: read })).resolves.toEqual({ ID: '31' });
    await expect(fetchQueryOnce(client, { queryKey: ['database', '32'], queryFn: read })).resolves.toEqual({ ID: '31' });
    expect(read).toHaveBeenCalledTimes(2);
  });
});

describe('firstLoadError', () => {
  it('reports a query that failed before it had an answer, not one whose refresh failed', async () => {
    const client = createQueryClient();
    await client.prefetchQuery({ queryKey: ['views'], queryFn: () => Promise.reject(new Error('No view with supplied ID')) });
    await client.prefetchQuery({ queryKey: ['database'], queryFn: () => ({ ID: '31' }) });
    await client.prefetchQuery({ queryKey: ['database'], queryFn: () => Promise.reject(new Error('refresh failed')), staleTime: 0 });
    const state = (key: string) => new QueryObserver(client, { queryKey: [key], enabled: false }).getCurrentResult();
    expect(state('database').error?.message).toBe('refresh failed');
    expect(firstLoadError(state('database'))).toBeNull();
    expect(firstLoadError(state('database'), state('views'))?.message).toBe('No view with supplied ID');
  });
});

describe('refetchFailed', () => {
  it('asks again only for the queries that failed', async () => {
    const ok = { isError: false, refetch: vi.fn().mockResolvedValue('ok') };
    const failed = { isError: true, refetch: vi.fn().mockResolvedValue('again') };
    await expect(refetchFailed(ok, failed)).resolves.toEqual(['again']);
    expect(ok.refetch).not.toHaveBeenCalled();
    expect(failed.refetch).toHaveBeenCalledOnce();
  });
});
