// Copernica REST API v3 emulator: createEmulatorApp(ctx) builds the Hono app; startEmulator(opts) opens the
// SQLite database (migrating and seeding a new one) and serves it on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type Database from 'better-sqlite3';
import { Hono } from 'hono';
import type { EmulatorApp, EmulatorContext, EmulatorEnv, OAuthClient } from './core/context.ts';
import { migrate, openDatabase } from './core/db.ts';
import { ApiError, errorResponse, json, MESSAGES, parseQuery } from './core/http.ts';
import { registerCoreFallbacks } from './core/index.ts';
import type { EmulatorModule } from './core/module.ts';
import { createRng } from './core/rng.ts';
import { registerResolvers } from './core/routes/resolve.ts';
import { stmt } from './core/sql.ts';
import { WebhookDispatcher } from './core/webhook-dispatch.ts';
import { modules as registeredModules } from './modules.ts';
import { FaultSwitch, withFaults } from './testing/faults.ts';

export type { EmulatorContext, OAuthClient } from './core/context.ts';
export type { EmulatorModule } from './core/module.ts';

export const DEFAULT_TOKEN = 'orrery-demo-token';
export const DEFAULT_PROFILES = 5000;
export const DEFAULT_SEED = 42;

/** Paths answered without an access token. */
const CORE_PUBLIC = [/^\/health$/, /^\/(en|nl)\/authorize$/, /^\/token$/];

/** `/v3/x/` and `/x` both route as `/x`: the version prefix is optional and trailing slashes are ignored (docs/api/conventions.md §1). */
export function apiPath(req: Request): string {
  const url = req.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  let end = url.length;
  for (const ch of ['?', '#']) {
    const i = url.indexOf(ch, start);
    if (i >= 0 && i < end) end = i;
  }
  let path = start >= 0 ? url.slice(start, end) : '/';
  if (path === '/v3' || path.startsWith('/v3/')) path = path.slice(3);
  path = path.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

function tokenAccepted(ctx: EmulatorContext, token: string | undefined): boolean {
  if (!token) return false;
  if (ctx.tokens.includes(token)) return true;
  return stmt(ctx.db, 'SELECT 1 FROM access_tokens WHERE token = ?').get(token) !== undefined;
}

export function createEmulatorApp(ctx: EmulatorContext, modules: EmulatorModule[] = registeredModules): EmulatorApp {
  const app = new Hono<EmulatorEnv>({ getPath: apiPath });
  const publicPaths = [...CORE_PUBLIC, ...modules.flatMap((m) => m.publicPaths ?? [])];

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('ctx', ctx);
    const query = parseQuery(c.req.url);
    c.set('query', query);
    // The token is checked before anything else, also on unknown routes (docs/api/conventions.md §5).
    if (!publicPaths.some((re) => re.test(c.req.path)) && !tokenAccepted(ctx, query.get('access_token'))) {
      c.res = errorResponse(MESSAGES.token);
    } else {
      await next();
    }
    if (ctx.log) console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });

  app.get('/health', () => json({ status: 'ok' }));

  registerResolvers(app);
  for (const m of modules) m.registerRoutes(app, ctx);
  registerCoreFallbacks(app);

  app.notFound(() => errorResponse(MESSAGES.method));
  app.onError((err) => {
    if (err instanceof ApiError) return errorResponse(err.message);
    // A bug, not bad input: keep it visible as a 500 (the fuzz test fails on any 5xx).
    console.error('[emulator] unexpected error:', err);
    return json({ error: { message: 'Internal emulator error' } }, 500);
  });
  return app;
}

export interface OpenEmulatorOptions {
  dbPath: string;
  profiles?: number;
  token?: string;
  seed?: number;
  oauthClients?: OAuthClient[];
  log?: boolean;
  now?: () => Date;
  /** The moment the demo data is generated "at" (default: the clock's now); fixed for reproducible demos. */
  seedTime?: Date;
  baseUrl?: string;
  modules?: EmulatorModule[];
}

function hashName(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Open (or create, migrate and seed) the database and build the context. Used by startEmulator and tests. */
export function openEmulator(opts: OpenEmulatorOptions): { ctx: EmulatorContext; app: EmulatorApp; seeded: boolean; seedMs: number } {
  const modules = opts.modules ?? registeredModules;
  const db: Database.Database = openDatabase(opts.dbPath);
  const fresh = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get() === undefined;
  migrate(db, modules);
  let seedMs = 0;
  const now = opts.now ?? (() => new Date());
  if (fresh) {
    const t0 = performance.now();
    const seed = opts.seed ?? DEFAULT_SEED;
    // Demo dates are relative to the (injectable) clock, so seeded events and "now" agree.
    const options = { profiles: opts.profiles ?? DEFAULT_PROFILES, seed, now: opts.seedTime ?? now() };
    // A brand-new file has nothing to protect yet: skip the journal while bulk loading (≈2x faster).
    const file = opts.dbPath !== ':memory:';
    if (file) db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    // One transaction for the whole demo: bulk inserts are ~100x faster than autocommit.
    db.transaction(() => {
      for (const m of modules) m.seed?.(db, createRng(seed ^ hashName(m.name)), options);
    })();
    db.exec('ANALYZE');
    if (file) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${file ? 'NORMAL' : 'OFF'}`);
    seedMs = performance.now() - t0;
  }
  const ctx: EmulatorContext = {
    db,
    tokens: [opts.token ?? DEFAULT_TOKEN],
    now,
    oauthClients: opts.oauthClients ?? [],
    baseUrl: opts.baseUrl,
    webhooks: new WebhookDispatcher(db, () => ctx.now()),
    log: opts.log ?? false,
    copyHooks: modules.flatMap((m) => (m.copyDatabase ? [m.copyDatabase.bind(m)] : [])),
  };
  return { ctx, app: createEmulatorApp(ctx, modules), seeded: fresh, seedMs };
}

export interface StartEmulatorOptions {
  host?: string;
  port: number;
  dbPath: string;
  profiles?: number;
  token?: string;
  seed?: number;
  seedTime?: Date;
  oauthClients?: OAuthClient[];
  log?: boolean;
  /** Test-only fault switch (`POST /__faults`, see testing/faults.ts); default: on when EMULATOR_FAULTS=1. */
  faults?: boolean;
}

export async function startEmulator(opts: StartEmulatorOptions): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? DEFAULT_TOKEN;
  const { ctx, app } = openEmulator({ ...opts, token });
  const faults = opts.faults ?? process.env.EMULATOR_FAULTS === '1';
  const fetch = faults
    ? withFaults(app.fetch, new FaultSwitch(), {
        pathOf: apiPath,
        tokenAccepted: (t) => tokenAccepted(ctx, t ?? undefined),
        closeIdleConnections: () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.(),
      })
    : app.fetch;
  const server = serve({ fetch, hostname: host, port: opts.port });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve(server.address() as AddressInfo));
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  ctx.baseUrl = url;
  return {
    url,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void ctx.webhooks.idle().then(() => {
            ctx.db.close();
            resolve();
          });
        });
        // Do not wait for idle keep-alive connections.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
