import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { authRoutes } from './auth.ts';
import { type GatewayConfig, validateConfig } from './config.ts';
import type { Env, Gateway } from './context.ts';
import { csrfGuard } from './csrf.ts';
import { errorBody, jsonError } from './errors.ts';
import { exportRoutes } from './export/routes.ts';
import { createLogger, type Logger } from './log.ts';
import { GatewayMetrics, type MetricsServer, routeGroup, startMetricsServer } from './metrics.ts';
import { oauthRoutes } from './oauth.ts';
import { proxyHandler, rawTarget } from './proxy.ts';
import { signInLimit } from './rate-limit.ts';
import { applySecurityHeaders, contentSecurityPolicy, securityHeaders } from './security-headers.ts';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './session.ts';
import { MemoryState } from './state/memory-state.ts';
import { RedisState } from './state/redis-state.ts';
import { type SharedState, STATE_UNAVAILABLE_MESSAGE, StateUnavailable } from './state/shared-state.ts';
import { staticHandler } from './static.ts';

// Longer request targets are refused (414): nothing the SPA builds comes near, and every log line and
// upstream URL stays bounded.
const MAX_TARGET_LENGTH = 8 * 1024;

export type { GatewayConfig } from './config.ts';
export { ConfigError, configFromEnv } from './config.ts';

/** The gateway as a Hono app (tests call `app.request()` on it). */
export function createGatewayApp(input: GatewayConfig): Hono<Env> {
  return createGateway(input).app;
}

/** The app and what it runs on (shared state, metrics), for callers that also have to close or observe it. */
export function createGateway(input: GatewayConfig): { app: Hono<Env>; gw: Gateway } {
  const config = validateConfig(input);
  const log = config.logger ?? createLogger('info');
  const metrics = new GatewayMetrics();
  const gw: Gateway = {
    config,
    sessions: new SessionStore(config.sessionSecret, config.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS),
    state: sharedState(config, metrics, log),
    metrics,
    log,
  };
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    metrics.requests.inc({ group: routeGroup(c.req.path), status: String(c.res.status) });
    if (log.level === 'quiet') return;
    const ms = Math.round((performance.now() - start) * 10) / 10;
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
  });
  app.use('*', securityHeaders(config));
  app.use('*', async (c, next) => {
    const raw = rawTarget(c);
    if (raw.length > MAX_TARGET_LENGTH) return jsonError(414, 'Request target too long');
    // Refuse targets that URL parsing had to normalise (dot segments, odd characters) or that came in
    // absolute form: what we route on must be exactly what the browser sent.
    if (raw[0] !== '/' || !c.req.url.endsWith(raw)) return jsonError(400, 'Invalid path');
    return next();
  });

  // liveness: the process answers; readiness: it can serve (the shared state answers too)
  app.get('/health', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/ready', async (c) => {
    try {
      await gw.state.ping();
      return c.json({ ready: true }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return jsonError(503, 'Not ready: the session store (Redis) is unreachable');
    }
  });

  app.use('/auth/*', csrfGuard(config));
  const limitSignIns = signInLimit(gw);
  for (const path of ['/auth/token', '/auth/login', '/auth/callback']) app.use(path, limitSignIns);
  app.route('/auth', authRoutes(gw));
  app.route('/auth', oauthRoutes(gw));
  app.all('/auth/*', () => jsonError(404, 'Not found'));

  app.use('/api/*', csrfGuard(config));
  app.all('/api/v3/*', proxyHandler(gw));
  app.all('/api/*', () => jsonError(404, 'Not found'));

  app.route('/export', exportRoutes(gw));

  if (config.staticDir) app.all('*', staticHandler(config.staticDir));
  app.notFound(() => jsonError(404, 'Not found'));
  app.onError((err, c) => {
    // Fail closed: without the shared state nobody can tell whether a session was signed out elsewhere.
    // c.json keeps headers already set (a sign-out's cleared cookie and Clear-Site-Data).
    if (err instanceof StateUnavailable)
      return c.json(errorBody(STATE_UNAVAILABLE_MESSAGE), 503, { 'Cache-Control': 'no-store', 'Retry-After': '5' });
    gw.log.error('unhandled error', { error: err });
    return jsonError(500, 'Internal error');
  });
  return { app, gw };
}

function sharedState(config: GatewayConfig, metrics: GatewayMetrics, log: Logger): SharedState {
  if (!config.redisUrl) return new MemoryState();
  return new RedisState(config.redisUrl, {
    onError: () => metrics.redisErrors.inc(),
    onDown: (error) => log.warn('redis unreachable: requests that need it are refused (503) until it is back', { error }),
    onUp: () => log.info('redis connected'),
  });
}

export interface StartGatewayOptions extends GatewayConfig {
  host?: string;
  /** 0 picks a free port */
  port?: number;
}

export interface RunningGateway {
  url: string;
  server: Server;
  /** the Prometheus endpoint when `metrics` is configured */
  metricsUrl?: string;
  close(): Promise<void>;
}

/** Runs the gateway on 127.0.0.1 unless told otherwise. */
export async function startGateway(opts: StartGatewayOptions): Promise<RunningGateway> {
  const { host = '127.0.0.1', port = 8080, ...config } = opts;
  const { app, gw } = createGateway(config);
  // a fresh instance comes up ready when Redis is there; without it, it starts anyway and says so on /ready
  if (gw.state instanceof RedisState && !(await gw.state.connected(3000))) gw.log.warn('redis not reachable at start');
  const csp = contentSecurityPolicy(validateConfig(config));
  const listener = getRequestListener(app.fetch, {
    // requests Node or the adapter cannot even parse into a URL still get our error shape and headers
    errorHandler: () => {
      const res = jsonError(400, 'Bad request');
      applySecurityHeaders(res.headers, csp, Boolean(config.publicUrl?.startsWith('https:')));
      return res;
    },
  });
  const server = createServer(listener);
  let metricsServer: MetricsServer | undefined;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        ok();
      });
    });
    if (config.metrics) {
      metricsServer = await startMetricsServer(gw.metrics.withProcessMetrics(), config.metrics.host ?? '127.0.0.1', config.metrics.port);
    }
  } catch (e) {
    server.close();
    await gw.state.close();
    throw e;
  }
  const { port: actual } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actual}`,
    server,
    metricsUrl: metricsServer?.url,
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await Promise.all([metricsServer?.close(), gw.state.close()]);
    },
  };
}
