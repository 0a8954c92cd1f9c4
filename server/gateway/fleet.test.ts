// Two gateway instances on one real Redis and one emulator, as behind a load balancer: they must behave
// as one (sessions, sign-out, rate limits), fail closed while Redis is down and recover by themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.ts';
import { freePort } from '../shared/ports.ts';
import { type RunningGateway, startGateway } from './index.ts';
import { createLogger } from './log.ts';
import { STATE_UNAVAILABLE_MESSAGE } from './state/shared-state.ts';
import { findRedisServer, startRedisServer, type TestRedis } from './testing/redis-server.ts';
import { cookieFrom, SECRET } from './testing/support.ts';

const redisServer = findRedisServer();
const XRW = { 'X-Requested-With': 'orrery' };
const OAUTH = { clientId: 'fleet-client', clientSecret: 'fleet-client-secret-0123456789' };

describe.skipIf(!redisServer)(redisServer ? 'a fleet of two gateways on one Redis' : 'fleet (skipped: redis-server not installed)', () => {
  let redis: TestRedis;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let a: RunningGateway;
  let b: RunningGateway;

  beforeAll(async () => {
    redis = await startRedisServer(redisServer as string);
    const portA = await freePort();
    const client = { ...OAUTH, redirectUri: `http://127.0.0.1:${portA}/auth/callback` };
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: await freePort(),
      dbPath: ':memory:',
      profiles: 20,
      log: false,
      oauthClients: [{ ...client, name: 'fleet test' }],
    });
    const config = {
      apiUrl: emulator.url,
      sessionSecret: SECRET,
      redisUrl: redis.url,
      oauth: { ...client, authorizeUrl: `${emulator.url}/en/authorize` },
      rateLimit: { perSecond: 1, burst: 10 },
      logger: createLogger('quiet'),
    };
    [a, b] = await Promise.all([startGateway({ ...config, port: portA, metrics: { port: 0 } }), startGateway({ ...config, port: 0 })]);
  });
  afterAll(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await Promise.allSettled([emulator?.close(), redis?.stop()]);
  });

  async function signIn(gateway: RunningGateway): Promise<string> {
    const res = await fetch(`${gateway.url}/auth/token`, {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: emulator.token }),
    });
    expect(res.status).toBe(200);
    return cookieFrom(res) ?? '';
  }
  const databases = (gateway: RunningGateway, cookie: string) =>
    fetch(`${gateway.url}/api/v3/databases`, { headers: { ...XRW, Cookie: cookie } });

  it('a session made on one instance works on the other', async () => {
    const cookie = await signIn(a);
    expect((await databases(b, cookie)).status).toBe(200);
    expect(await (await fetch(`${b.url}/auth/session`, { headers: { Cookie: cookie } })).json()).toMatchObject({ signedIn: true });
  });

  it('a sign-out on one instance ends the session on the other at once', async () => {
    const cookie = await signIn(a);
    expect((await databases(b, cookie)).status).toBe(200);
    const out = await fetch(`${a.url}/auth/logout`, { method: 'POST', headers: { ...XRW, Cookie: cookie } });
    expect(out.status).toBe(204);
    // the copied cookie, replayed on the other instance
    expect((await databases(b, cookie)).status).toBe(401);
    expect(await (await fetch(`${b.url}/auth/session`, { headers: { Cookie: cookie } })).json()).toMatchObject({ signedIn: false });
  });

  it('one rate-limit bucket per session across both instances', async () => {
    const cookie = await signIn(a);
    // alternate between the instances: one shared bucket lets ~burst through, two separate ones twice that
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    const started = performance.now();
    for (let i = 0; i < 30; i++) {
      const res = await databases(i % 2 ? b : a, cookie);
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    const seconds = (performance.now() - started) / 1000;
    const granted = statuses.filter((s) => s === 200).length;
    expect(granted).toBeGreaterThanOrEqual(10);
    // burst 10, plus one steady point per started second (separate buckets would have granted 20)
    expect(granted).toBeLessThanOrEqual(10 + Math.ceil(seconds) + 1);
    expect(statuses.filter((s) => s === 429).length).toBe(30 - granted);
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
  });

  it('an OAuth callback URL works once across the fleet', async () => {
    // /auth/login on A → the emulator's consent page → "allow" → back to A's callback with code and state
    const login = await fetch(`${a.url}/auth/login?returnTo=%2Fdatabases`, { redirect: 'manual' });
    const stateCookie = cookieFrom(login, 'orrery_oauth') ?? '';
    const consent = await (await fetch(login.headers.get('location') ?? '')).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(consent)?.[1] ?? '';
    const form = new URLSearchParams({
      decision: 'allow',
      ...Object.fromEntries(['client_id', 'redirect_uri', 'state', 'nonce'].map((n) => [n, field(n)])),
    });
    const allowed = await fetch(`${emulator.url}/en/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    const callback = new URL(allowed.headers.get('location') ?? '');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const first = await fetch(`${a.url}${callback.pathname}${callback.search}`, { headers: { Cookie: stateCookie }, redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(cookieFrom(first)).toBeDefined();
    // the same callback (URL and state cookie, e.g. from a proxy log) replayed on the other instance
    const replay = await fetch(`${b.url}${callback.pathname}${callback.search}`, { headers: { Cookie: stateCookie }, redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in response was already used');
    expect(cookieFrom(replay)).toBeUndefined();
  });

  it('fails closed while Redis is down and recovers without a restart', async () => {
    const cookie = await signIn(b);
    await redis.stop();
    for (const gateway of [a, b]) {
      const res = await databases(gateway, cookie);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { message: STATE_UNAVAILABLE_MESSAGE } });
      expect((await fetch(`${gateway.url}/ready`)).status).toBe(503);
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    }
    await redis.start();
    for (const gateway of [a, b]) {
      await expect.poll(async () => (await fetch(`${gateway.url}/ready`)).status, { timeout: 5000, interval: 100 }).toBe(200);
      expect((await databases(gateway, cookie)).status).toBe(200);
    }
  });

  it('serves Prometheus metrics on its own listener, with nothing about a user in them', async () => {
    const cookie = await signIn(a);
    await databases(a, cookie);
    expect(a.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(a.metricsUrl as string);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/orrery_gateway_requests_total\{group="api",status="200"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_requests_total\{group="auth",status="200"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_upstream_duration_seconds_count\{method="GET"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_rate_limited_total\{limit="session"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_sessions_started_total\{method="token"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_sessions_ended_total\{reason="signout"\} [1-9]/);
    expect(text).toMatch(/orrery_gateway_redis_errors_total [1-9]/);
    expect(text).not.toContain(emulator.token);
    expect(text).not.toContain(cookie.split('=')[1]);
    expect(text).not.toMatch(/\/v3\/|databases/);
    // and not on the public port
    expect((await fetch(`${a.url}/metrics`)).status).not.toBe(200);
  });
});
