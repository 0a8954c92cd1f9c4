import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

// Prometheus metrics. Labels only ever take a handful of fixed values (route group, status code, method,
// reason): never a path, an ID, an address, a session or anything else about a user.
export type RouteGroup = 'api' | 'auth' | 'export' | 'health' | 'static';
export type SessionEnd = 'signout' | 'replaced' | 'rejected';

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'orrery_gateway_requests_total',
    help: 'Requests answered, by route group and status code',
    labelNames: ['group', 'status'] as const,
    registers: [this.registry],
  });
  readonly upstreamSeconds = new Histogram({
    name: 'orrery_gateway_upstream_duration_seconds',
    help: 'Time until Copernica answered a forwarded /api call (response headers), by method',
    labelNames: ['method'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'orrery_gateway_rate_limited_total',
    help: 'Requests refused with 429, by limit (session: /api per session; address: sign-in per client address)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly sessionsStarted = new Counter({
    name: 'orrery_gateway_sessions_started_total',
    help: 'Sign-ins, by method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  readonly sessionsEnded = new Counter({
    name: 'orrery_gateway_sessions_ended_total',
    help: 'Sessions ended before their expiry, by reason (signout, replaced by a new sign-in, rejected by Copernica)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly redisErrors = new Counter({
    name: 'orrery_gateway_redis_errors_total',
    help: 'Redis connection and command failures',
    registers: [this.registry],
  });

  /** Process metrics (CPU, memory, event loop); only for a served registry, not for every test app. */
  withProcessMetrics(): this {
    collectDefaultMetrics({ register: this.registry, prefix: 'orrery_gateway_' });
    return this;
  }
}

export function routeGroup(path: string): RouteGroup {
  if (path === '/health' || path === '/ready') return 'health';
  if (path === '/export' || path.startsWith('/export/') || path.startsWith('/api/export')) return 'export';
  if (path === '/api' || path.startsWith('/api/')) return 'api';
  if (path === '/auth' || path.startsWith('/auth/')) return 'auth';
  return 'static';
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** A separate listener (METRICS_PORT, loopback by default) so /metrics is never reachable through the public port. */
export async function startMetricsServer(metrics: GatewayMetrics, host: string, port: number): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/metrics`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
