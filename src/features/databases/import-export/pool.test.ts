import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { retryRateLimited, runPool } from './pool';

describe('runPool', () => {
  it('runs every item with bounded concurrency', async () => {
    let inFlight = 0;
    let max = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(n);
      inFlight--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(max).toBe(2);
  });
});

describe('retryRateLimited', () => {
  it('waits and retries on 429 only', async () => {
    vi.useFakeTimers();
    const fn = vi.fn().mockRejectedValueOnce(new ApiError(429, 'Too many requests')).mockResolvedValue('ok');
    const p = retryRateLimited(fn);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(p).resolves.toBe('ok');
    vi.useRealTimers();
    await expect(retryRateLimited(() => Promise.reject(new ApiError(400, 'Invalid data provided')))).rejects.toThrow(
      'Invalid data provided',
    );
  });
});
