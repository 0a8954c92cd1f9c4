import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../shared/ports.ts';
import { createGateway } from './index.ts';
import { STATE_UNAVAILABLE_MESSAGE } from './state/shared-state.ts';
import { captureLogs, cookieFrom, type FakeApi, GOOD_TOKEN, SECRET, startFakeApi } from './testing/support.ts';

// REDIS_URL set but Redis unreachable: nothing that a revocation might forbid is allowed.
let api: FakeApi;
const XRW = { 'X-Requested-With': 'orrery' };
const logs = captureLogs('info');
const gateways: ReturnType<typeof createGateway>[] = [];

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await Promise.all(gateways.map(({ gw }) => gw.state.close()));
  await api.close();
});

async function downGateway() {
  const gateway = createGateway({
    apiUrl: api.url,
    sessionSecret: SECRET,
    logger: logs.logger,
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
  });
  gateways.push(gateway);
  return gateway;
}

describe('with Redis configured but unreachable', () => {
  it('answers 503 with a readable JSON message for every request that needs the session store', async () => {
    const { app } = await downGateway();
    // a cookie made by an instance that had Redis (same secret): valid, but revocation cannot be checked
    const up = createGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger });
    const signedIn = await up.app.request('/auth/token', {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const cookie = cookieFrom(signedIn) ?? '';
    const calls: [string, RequestInit][] = [
      ['/api/v3/databases', { headers: { ...XRW, Cookie: cookie } }],
      ['/auth/session', { headers: { Cookie: cookie } }],
      [
        '/auth/token',
        { method: 'POST', headers: { ...XRW, 'Content-Type': 'application/json' }, body: JSON.stringify({ access_token: GOOD_TOKEN }) },
      ],
    ];
    const before = api.requests.length;
    for (const [path, init] of calls) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toEqual({ error: { message: STATE_UNAVAILABLE_MESSAGE } });
    }
    expect(api.requests.length).toBe(before); // nothing reached Copernica
  });

  it('still clears the cookie on sign-out, and says the sign-out could not be recorded', async () => {
    const { app } = await downGateway();
    const up = createGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger });
    const signedIn = await up.app.request('/auth/token', {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const res = await app.request('/auth/logout', { method: 'POST', headers: { ...XRW, Cookie: cookieFrom(signedIn) ?? '' } });
    expect(res.status).toBe(503);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/^orrery_session=; .*Max-Age=0/m);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "storage"');
  });

  it('stays live on /health, not ready on /ready, and counts Redis errors', async () => {
    const { app, gw } = await downGateway();
    expect((await app.request('/health')).status).toBe(200);
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toHaveProperty('error.message');
    expect(await gw.metrics.registry.getSingleMetricAsString('orrery_gateway_redis_errors_total')).toMatch(
      /orrery_gateway_redis_errors_total [1-9]/,
    );
  });

  it('answers 401 (not 503) without a cookie: nothing to check', async () => {
    const { app } = await downGateway();
    expect((await app.request('/api/v3/databases', { headers: XRW })).status).toBe(401);
  });
});

describe('/ready without Redis configured', () => {
  it('is ready', async () => {
    const { app } = createGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger });
    const res = await app.request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true });
  });
});
