import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '@/test/render';
import { ApiError, api, NetworkError, UnexpectedShapeError } from './client';
import { getRetryStatus } from './retry-status';
import { READ_DEADLINE_MS } from './status-policy';

const realFetch = globalThis.fetch;
beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: exact delays
});
afterEach(() => {
  vi.useRealTimers();
  globalThis.fetch = realFetch;
});

const error = (status: number, message = 'Failed', headers: Record<string, string> = {}) =>
  json({ error: { message } }, { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Answers in turn with the given responses (the last one repeats) and records when each request came. */
function sequence(...answers: (() => Response | Promise<Response>)[]) {
  const times: number[] = [];
  const calls = stubFetch(() => {
    times.push(Date.now());
    return (answers[times.length - 1] ?? answers[answers.length - 1])?.();
  });
  return { calls, times, gaps: () => times.slice(1).map((t, i) => t - (times[i] as number)) };
}

const reset = () => Promise.reject(new TypeError('Failed to fetch'));

async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  const outcome = promise.then(
    (v) => v,
    (e: unknown) => e,
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe('reads (GET)', () => {
  it('succeed after two 503s with exactly 3 requests, 1 s and 2 s apart', async () => {
    const s = sequence(
      () => error(503),
      () => error(503),
      () => json({ ok: true }),
    );
    await expect(settle(api.get('databases'))).resolves.toEqual({ ok: true });
    expect(s.calls).toHaveLength(3);
    expect(s.gaps()).toEqual([1000, 2000]);
  });

  it('give up after 4 attempts on a lasting 500 and report it', async () => {
    const s = sequence(() => error(500, 'Internal'));
    const result = await settle(api.get('databases'));
    expect(result).toBeInstanceOf(ApiError);
    expect(result).toMatchObject({ status: 500, message: 'Internal' });
    expect(s.gaps()).toEqual([1000, 2000, 4000]);
  });

  it('retry connection resets', async () => {
    const s = sequence(reset, () => json([]));
    await expect(settle(api.get('databases'))).resolves.toEqual([]);
    expect(s.calls).toHaveLength(2);
  });

  it('are not retried on 400, 401 or 403', async () => {
    for (const status of [400, 401, 403]) {
      const s = sequence(() => error(status, 'No entity with supplied ID'));
      await expect(settle(api.get('profile/9'))).resolves.toMatchObject({ status });
      expect(s.calls).toHaveLength(1);
    }
  });

  it('wait out Retry-After in seconds and as an HTTP date, without counting a failure', async () => {
    vi.setSystemTime(Date.parse('2026-01-01T12:00:00Z'));
    const s = sequence(
      () => error(429, 'Too many requests', { 'Retry-After': '2' }),
      () => error(503, 'Busy', { 'Retry-After': new Date(Date.now() + 3000).toUTCString() }),
      () => error(503),
      () => error(503),
      () => error(503),
      () => json({ ok: true }),
    );
    await expect(settle(api.get('databases'))).resolves.toEqual({ ok: true });
    expect(s.gaps()).toEqual([2000, 3000, 1000, 2000, 4000]);
  });

  it('show each wait in the retry status while it lasts', async () => {
    sequence(
      () => error(429, 'Too many requests', { 'Retry-After': '5' }),
      () => json({ ok: true }),
    );
    const pending = api.get('databases');
    await vi.advanceTimersByTimeAsync(100);
    expect(getRetryStatus().waits).toEqual([{ until: Date.now() + 4900, busy: true }]);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(getRetryStatus().waits).toEqual([]);
  });

  it('are capped when the API hangs: attempts time out and the read fails at its deadline', async () => {
    const s = sequence(() => new Promise<Response>(() => {}));
    // A fetch that never answers still honours its abort signal.
    globalThis.fetch = ((_url: string, init: RequestInit) => {
      s.times.push(Date.now());
      return new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }) as typeof fetch;
    const start = Date.now();
    const result = await settle(api.get('databases'));
    expect(result).toBeInstanceOf(NetworkError);
    expect(result).toMatchObject({ timedOut: true });
    expect(Date.now() - start).toBe(READ_DEADLINE_MS);
    expect(s.times).toHaveLength(2);
  });

  it('stop at once when the caller aborts, also during a wait', async () => {
    const s = sequence(() => error(503));
    const controller = new AbortController();
    const pending = api.get('databases', undefined, controller.signal).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort(new DOMException('left the page', 'AbortError'));
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(s.calls).toHaveLength(1);
  });

  it('report an offline browser without retrying', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const s = sequence(reset);
    expect(await settle(api.get('databases'))).toMatchObject({ offline: true });
    expect(s.calls).toHaveLength(1);
  });

  it('turn HTML and truncated JSON into an unexpected-shape error', async () => {
    sequence(() => new Response('<!doctype html><p>Gateway</p>', { status: 200 }));
    expect(await settle(api.get('databases'))).toBeInstanceOf(UnexpectedShapeError);
    sequence(() => new Response('{"start":0,"da', { status: 200 }));
    expect(await settle(api.get('databases'))).toBeInstanceOf(UnexpectedShapeError);
  });
});

describe('writes', () => {
  it('PUT is retried once on a reset, never on 500', async () => {
    let s = sequence(reset, () => new Response(null, { status: 204 }));
    await expect(settle(api.put('profile/1/fields', { a: '1' }))).resolves.toBeDefined();
    expect(s.calls).toHaveLength(2);
    s = sequence(() => error(500));
    expect(await settle(api.put('profile/1/fields', { a: '1' }))).toMatchObject({ status: 500 });
    expect(s.calls).toHaveLength(1);
  });

  it('POST is never repeated after a reset or a 502 (it may have been stored), but is after a 429', async () => {
    for (const answer of [reset, () => error(502)]) {
      const s = sequence(answer, () => new Response(null, { status: 201, headers: { 'X-Created': '5' } }));
      expect(await settle(api.post('database/1/profiles', { fields: {} }))).toBeInstanceOf(Error);
      expect(s.calls).toHaveLength(1);
    }
    const s = sequence(
      () => error(429, 'Too many requests', { 'Retry-After': '1' }),
      () => new Response(null, { status: 201, headers: { 'X-Created': '5' } }),
    );
    await expect(settle(api.post('database/1/profiles', { fields: {} }))).resolves.toMatchObject({ createdId: '5' });
    expect(s.calls).toHaveLength(2);
  });

  it('DELETE answered "already removed" after a retry counts as done', async () => {
    const s = sequence(
      () => error(502),
      () => error(400, 'This profile has already been removed'),
    );
    await expect(settle(api.delete('profile/1'))).resolves.toBeDefined();
    expect(s.calls).toHaveLength(2);
    sequence(() => error(400, 'This subprofile has already been removed'));
    await expect(settle(api.delete('subprofile/1'))).resolves.toBeDefined();
  });
});
