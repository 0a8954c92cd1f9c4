import { ApiError } from '@/api/client';

/** Runs `fn` over items with at most `concurrency` in flight; stops starting new ones once aborted. */
export async function runPool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>, signal?: AbortSignal) {
  let next = 0;
  async function worker() {
    while (next < items.length && !signal?.aborted) {
      const i = next++;
      await fn(items[i] as T, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * The gateway limits a session's request rate (429; Copernica itself documents no limit). Row-by-row
 * work waits and tries again instead of failing rows.
 */
export async function retryRateLimited<T>(fn: () => Promise<T>, signal?: AbortSignal, attempts = 15): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 429) || i >= attempts || signal?.aborted) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
