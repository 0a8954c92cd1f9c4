import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../shared/ports.ts';
import { findRedisServer, startRedisServer, type TestRedis } from '../testing/redis-server.ts';
import { MemoryState } from './memory-state.ts';
import { RedisState } from './redis-state.ts';
import { type SharedState, StateUnavailable } from './shared-state.ts';

// The same behaviour from both stores: what one process remembers in memory, a fleet remembers in Redis.
function contract(make: () => SharedState) {
  let state: SharedState;
  beforeAll(() => {
    state = make();
  });
  afterAll(() => state.close());
  const unique = () => `${Date.now()}-${Math.random()}`;

  it('remembers a revocation until the given time', async () => {
    const sid = unique();
    expect(await state.isRevoked(sid)).toBe(false);
    await state.revoke(sid, Date.now() + 60_000);
    expect(await state.isRevoked(sid)).toBe(true);
    const short = unique();
    await state.revoke(short, Date.now() + 50);
    await new Promise((r) => setTimeout(r, 120));
    expect(await state.isRevoked(short)).toBe(false);
  });

  it('lets an OAuth state be spent once', async () => {
    const value = unique();
    expect(await state.spendState(value, Date.now() + 60_000)).toBe(true);
    expect(await state.spendState(value, Date.now() + 60_000)).toBe(false);
    expect(await state.spendState(unique(), Date.now() + 60_000)).toBe(true);
  });

  it('rate-limits per key: steady points, a burst reserve, whole-second waits', async () => {
    const limiter = state.limiter(`test-${unique()}`, { points: 2, durationSec: 1, burst: 5 });
    const waits = [];
    for (let i = 0; i < 7; i++) waits.push(await limiter.take('a'));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    for (const wait of waits.slice(5)) {
      expect(Number.isInteger(wait)).toBe(true);
      expect(wait).toBeGreaterThanOrEqual(1);
    }
    expect(await limiter.take('b')).toBe(0);
  });

  it('answers a ping', async () => {
    await expect(state.ping()).resolves.toBeUndefined();
  });
}

describe('MemoryState', () => contract(() => new MemoryState()));

const redisServer = findRedisServer();
describe.skipIf(!redisServer)(redisServer ? 'RedisState' : 'RedisState (skipped: redis-server not installed)', () => {
  let redis: TestRedis;
  let state: RedisState;
  beforeAll(async () => {
    redis = await startRedisServer(redisServer as string);
    state = new RedisState(redis.url);
    await state.connected(2000);
  });
  afterAll(async () => {
    await redis?.stop();
  });
  contract(() => state);

  it('stores a digest of an OAuth state, never the state itself, and TTLs on everything', async () => {
    await state.spendState('the-secret-state-value', Date.now() + 600_000);
    await state.revoke('sid-with-ttl', Date.now() + 60_000);
    const keys = await state.client.keys('orrery:*');
    expect(keys.join(' ')).not.toContain('the-secret-state-value');
    for (const key of keys) expect(await state.client.pttl(key), key).toBeGreaterThan(0);
  });
});

describe('RedisState without a server', () => {
  it('fails fast with StateUnavailable instead of waiting or guessing', async () => {
    const state = new RedisState(`redis://127.0.0.1:${await freePort()}`);
    try {
      const started = performance.now();
      await expect(state.isRevoked('x')).rejects.toBeInstanceOf(StateUnavailable);
      await expect(state.spendState('x', Date.now() + 1000)).rejects.toBeInstanceOf(StateUnavailable);
      await expect(state.limiter('t', { points: 1, durationSec: 1, burst: 1 }).take('k')).rejects.toBeInstanceOf(StateUnavailable);
      await expect(state.ping()).rejects.toBeInstanceOf(StateUnavailable);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await state.close();
    }
  });
});
