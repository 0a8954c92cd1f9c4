import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './concurrency';

describe('mapWithConcurrency', () => {
  it('keeps at most `limit` tasks in flight and the results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await mapWithConcurrency(
      [50, 10, 30, 20, 5, 1],
      2,
      async (ms, i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        return i * 10;
      },
      { onDone: (d) => progress.push(d) },
    );
    expect(out).toEqual([0, 10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('stops on abort', async () => {
    const controller = new AbortController();
    let started = 0;
    const run = mapWithConcurrency(
      [1, 2, 3, 4, 5],
      1,
      async () => {
        started++;
        controller.abort();
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow();
    expect(started).toBe(1);
  });
  it('handles an empty list', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
