import { describe, expect, it, vi } from 'vitest';
import { loaderQueryData } from './prefetch';
import { createQueryClient } from './query-client';

describe('loaderQueryData', () => {
  it('does not ask again for what the parent loader just failed to get', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockRejectedValue(new Error('Not signed in'));
    await client.prefetchQuery({ queryKey: ['database', '31'], queryFn: read });
    await expect(loaderQueryData(client, { queryKey: ['database', '31'], queryFn: read })).rejects.toThrow('Not signed in');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shares the answer the parent loader is still waiting for, and asks when nobody asked yet', async () => {
    const client = createQueryClient();
    const read = vi.fn().mockResolvedValue({ ID: '31' });
    void client.prefetchQuery({ queryKey: ['database', '31'], queryFn: read });
    await expect(loaderQueryData(client, { queryKey: ['database', '31'], queryFn: read })).resolves.toEqual({ ID: '31' });
    await expect(loaderQueryData(client, { queryKey: ['database', '32'], queryFn: read })).resolves.toEqual({ ID: '31' });
    expect(read).toHaveBeenCalledTimes(2);
  });
});
