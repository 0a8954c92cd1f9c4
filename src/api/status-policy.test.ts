import { describe, expect, it } from 'vitest';
import { backoffMs, decide, MAX_BUSY_WAITS, parseRetryAfter } from './status-policy';

const noJitter = () => 0;
const fullJitter = () => 0.999;

describe('backoffMs', () => {
  it('doubles from 1 s and adds at most 20 % jitter', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, noJitter))).toEqual([1000, 2000, 4000]);
    expect(backoffMs(1, fullJitter)).toBeLessThanOrEqual(1200);
    expect(backoffMs(3, fullJitter)).toBeGreaterThan(4000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('reads delta seconds and clamps to 1–60 s', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0', now)).toBe(1000);
    expect(parseRetryAfter('3600', now)).toBe(60_000);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:59:00 GMT', now)).toBe(1000);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('decide', () => {
  const at = (failures: number, busyWaits = 0) => ({ failures, busyWaits, random: noJitter });
  const status = (s: number, retryAfter?: string) => ({ kind: 'status' as const, status: s, retryAfter });
  const network = { kind: 'network' as const };

  it('retries a read 3 times after 1, 2 and 4 s on network errors and 500/502/503/504', () => {
    for (const outcome of [network, status(500), status(502), status(503), status(504)]) {
      expect([0, 1, 2, 3].map((f) => decide('GET', outcome, at(f)))).toEqual([
        { retry: true, delayMs: 1000, busy: false },
        { retry: true, delayMs: 2000, busy: false },
        { retry: true, delayMs: 4000, busy: false },
        { retry: false },
      ]);
    }
  });

  it('retries PUT and DELETE once on network errors and 502/503/504, never on 500', () => {
    for (const method of ['PUT', 'DELETE'] as const) {
      expect(decide(method, network, at(0))).toEqual({ retry: true, delayMs: 1000, busy: false });
      expect(decide(method, status(503), at(0))).toEqual({ retry: true, delayMs: 1000, busy: false });
      expect(decide(method, status(503), at(1))).toEqual({ retry: false });
      expect(decide(method, status(500), at(0))).toEqual({ retry: false });
    }
  });

  it('never retries a POST (outcome unknown) except a 429, which was not executed', () => {
    for (const outcome of [network, status(500), status(502), status(503, '2'), status(504)])
      expect(decide('POST', outcome, at(0))).toEqual({ retry: false });
    expect(decide('POST', status(429, '2'), at(0))).toEqual({ retry: true, delayMs: 2000, busy: true });
  });

  it('never retries 400, 401, 403 or 404', () => {
    for (const s of [400, 401, 403, 404]) expect(decide('GET', status(s), at(0))).toEqual({ retry: false });
  });

  it('waits as long as 429 and 503 ask, without counting a failure, up to a limit', () => {
    expect(decide('GET', status(429, '2'), at(3))).toEqual({ retry: true, delayMs: 2000, busy: true });
    expect(decide('PUT', status(503, '5'), at(1))).toEqual({ retry: true, delayMs: 5000, busy: true });
    expect(decide('GET', status(429), at(0, 1))).toEqual({ retry: true, delayMs: 2000, busy: true });
    expect(decide('GET', status(429, '2'), at(0, MAX_BUSY_WAITS))).toEqual({ retry: false });
  });
});
