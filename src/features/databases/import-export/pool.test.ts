import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

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
