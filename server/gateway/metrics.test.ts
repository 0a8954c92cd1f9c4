import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from './index.ts';
import { GatewayMetrics, routeGroup, startMetricsServer } from './metrics.ts';
import { captureLogs, cookieFrom, type FakeApi, GOOD_TOKEN, SECRET, startFakeApi } from './testing/support.ts';

let api: FakeApi;
const logs = captureLogs('info');
const XRW = { 'X-Requested-With': 'orrery' };

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

describe('routeGroup', () => {
  it('maps paths to a handful of fixed groups', () => {
    expect(routeGroup('/api/v3/profile/4711')).toBe('api');
    expect(routeGroup('/api/export/database/1/profiles.csv')).toBe('export');
    expect(routeGroup('/export/x')).toBe('export');
    expect(routeGroup('/auth/callback')).toBe('auth');
    expect(routeGroup('/health')).toBe('health');
    expect(routeGroup('/ready')).toBe('health');
    expect(routeGroup('/databases/1/profiles/4711')).toBe('static');
    expect(routeGroup('/apix')).toBe('static');
  });
});

describe('gateway metrics', () => {
  it('counts requests by group and status, upstream latency, refusals and sessions, with no user data in labels', async () => {
    const { app, gw } = createGateway({
      apiUrl: api.url,
      sessionSecret: SECRET,
      logger: logs.logger,
      rateLimit: { perSecond: 1, burst: 2 },
    });
    const signIn = await app.request('/auth/token', {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const cookie = cookieFrom(signIn) ?? '';
    for (let i = 0; i < 4; i++)
      await app.request('/api/v3/database/4711/profiles?fields[]=email==someone@example.com', { headers: { ...XRW, Cookie: cookie } });
    await app.request('/health');
    await app.request('/auth/logout', { method: 'POST', headers: { ...XRW, Cookie: cookie } });

    const text = await gw.metrics.registry.metrics();
    expect(text).toMatch(/orrery_gateway_requests_total\{group="auth",status="200"\} 1\n/);
    expect(text).toMatch(/orrery_gateway_requests_total\{group="auth",status="204"\} 1\n/);
    expect(text).toMatch(/orrery_gateway_requests_total\{group="api",status="400"\} 2\n/); // the fake API's "Invalid method"
    expect(text).toMatch(/orrery_gateway_requests_total\{group="api",status="429"\} 2\n/);
    expect(text).toMatch(/orrery_gateway_requests_total\{group="health",status="200"\} 1\n/);
    expect(text).toMatch(/orrery_gateway_upstream_duration_seconds_count\{method="GET"\} 2\n/);
    expect(text).toMatch(/orrery_gateway_rate_limited_total\{limit="session"\} 2\n/);
    expect(text).toMatch(/orrery_gateway_sessions_started_total\{method="token"\} 1\n/);
    expect(text).toMatch(/orrery_gateway_sessions_ended_total\{reason="signout"\} 1\n/);
    for (const secret of [GOOD_TOKEN, cookie.split('=')[1] ?? '', '4711', 'someone', 'example.com', '127.0.0.1'])
      expect(text).not.toContain(secret);
  });
});

describe('metrics listener', () => {
  it('serves /metrics in the Prometheus text format and nothing else', async () => {
    const metrics = new GatewayMetrics();
    metrics.redisErrors.inc();
    const server = await startMetricsServer(metrics, '127.0.0.1', 0);
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toMatch(/# TYPE orrery_gateway_redis_errors_total counter\norrery_gateway_redis_errors_total 1\n/);
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
