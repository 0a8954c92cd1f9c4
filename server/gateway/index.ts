import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { authRoutes } from './auth.ts';
import { type GatewayConfig, validateConfig } from './config.ts';
import type { Env, Gateway } from './context.ts';
import { csrfGuard } from './csrf.ts';
import { jsonError } from './errors.ts';
import { exportRoutes } from './export/routes.ts';
import { createLogger } from './log.ts';
import { oauthRoutes } from './oauth.ts';
import { proxyHandler, rawTarget } from './proxy.ts';
import { applySecurityHeaders, contentSecurityPolicy, securityHeaders } from './security-headers.ts';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './session.ts';
import { staticHandler } from './static.ts';

export type { GatewayConfig } from './config.ts';
export { ConfigError, configFromEnv } from './config.ts';

/** The gateway as a Hono app (tests call `app.request()` on it). */
export function createGatewayApp(input: GatewayConfig): Hono<Env> {
  const config = validateConfig(input);
  const gw: Gateway = {
    config,
    sessions: new SessionStore(config.sessionSecret, config.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS),
    log: config.logger ?? createLogger('info'),
  };
  const app = new Hono<Env>();

  if (gw.log.level !== 'quiet') {
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      const ms = Math.round((performance.now() - start) * 10) / 10;
      gw.log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
    });
  }
  app.use('*', securityHeaders(config));
  app.use('*', async (c, next) => {
    // Refuse targets that URL parsing had to normalise (dot segments, odd characters) or that came in
    // absolute form: what we route on must be exactly what the browser sent.
    const raw = rawTarget(c);
    if (raw[0] !== '/' || !c.req.url.endsWith(raw)) return jsonError(400, 'Invalid path');
    return next();
  });

  app.get('/health', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));

  app.use('/auth/*', csrfGuard(config));
  app.route('/auth', authRoutes(gw));
  app.route('/auth', oauthRoutes(gw));
  app.all('/auth/*', () => jsonError(404, 'Not found'));

  app.use('/api/*', csrfGuard(config));
  app.all('/api/v3/*', proxyHandler(gw));
  app.all('/api/*', () => jsonError(404, 'Not found'));

  app.route('/export', exportRoutes(gw));

  if (config.staticDir) app.all('*', staticHandler(config.staticDir));
  app.notFound(() => jsonError(404, 'Not found'));
  app.onError((err) => {
    gw.log.error('unhandled error', { error: err });
    return jsonError(500, 'Internal error');
  });
  return app;
}

export interface StartGatewayOptions extends GatewayConfig {
  host?: string;
  /** 0 picks a free port */
  port?: number;
}

export interface RunningGateway {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Runs the gateway on 127.0.0.1 unless told otherwise. */
export async function startGateway(opts: StartGatewayOptions): Promise<RunningGateway> {
  const { host = '127.0.0.1', port = 8080, ...config } = opts;
  const app = createGatewayApp(config);
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
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actual}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
