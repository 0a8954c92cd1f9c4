/**
 * Runs `task` over `items` with at most `limit` in flight: imports write 4 rows at a time, and account views
 * that fan out one statistics call per emailing cap it the same way (docs/api/emailings.md §11.3). Results keep
 * the input order; the first failure or an abort stops taking new work and rejects.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  opts: { signal?: AbortSignal; onDone?: (done: number) => void } = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      opts.signal?.throwIfAborted();
      const i = next++;
      results[i] = await task(items[i] as T, i);
      opts.onDone?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
