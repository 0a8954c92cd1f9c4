import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep';

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves after the time has passed, not before', async () => {
    let resolved = false;
    const wait = sleep(1000).then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await wait;
    expect(resolved).toBe(true);
  });

  it('rejects with the reason as soon as the signal aborts, and leaves no timer behind', async () => {
    const controller = new AbortController();
    const wait = sleep(60_000, controller.signal);
    controller.abort(new Error('left the page'));
    await expect(wait).rejects.toThrow('left the page');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(sleep(10, controller.signal)).rejects.toThrow('gone');
    expect(vi.getTimerCount()).toBe(0);
  });
});
