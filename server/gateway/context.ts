import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { GatewayConfig } from './config.ts';
import type { Logger } from './log.ts';
import type { GatewayMetrics, SessionEnd } from './metrics.ts';
import type { Session, SessionStore } from './session.ts';
import type { SharedState } from './state/shared-state.ts';

// What every route needs: the validated config, the session cookie codec, the state shared with other
// instances (revocations, spent OAuth states, rate limits), metrics and the logger.
export interface Gateway {
  config: GatewayConfig;
  sessions: SessionStore;
  state: SharedState;
  metrics: GatewayMetrics;
  log: Logger;
}

export type Env = { Bindings: Partial<HttpBindings>; Variables: { session?: Session } };
export type Ctx = Context<Env>;

export const SESSION_COOKIE = 'orrery_session';

/**
 * The client's address for per-address limits: the socket peer, or behind TRUST_PROXY the X-Forwarded-For
 * hop our outermost trusted proxy recorded. Counted from the right: everything left of it was written by
 * the client itself and could be anything.
 */
export function clientAddress(c: Ctx, config: GatewayConfig): string {
  const socket = c.env?.incoming?.socket?.remoteAddress ?? 'local';
  if (!config.trustProxy) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim());
  const trusted = config.trustProxy === true ? 1 : config.trustProxy;
  const hop = hops.length >= trusted ? hops[hops.length - trusted] : hops[0];
  return hop || socket;
}

/** A single-valued X-Forwarded-* header as the first trusted proxy set it (left-most value). */
function firstHop(value: string | undefined): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

/** Served over HTTPS? (PUBLIC_URL, or X-Forwarded-Proto behind a trusted proxy, or a TLS socket) */
export function isHttps(c: Ctx, config: GatewayConfig): boolean {
  if (config.publicUrl?.startsWith('https:')) return true;
  if (config.trustProxy && firstHop(c.req.header('x-forwarded-proto')) === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** Origins a same-origin request of ours may carry: the configured public origin and the one it was sent to. */
export function ownOrigins(c: Ctx, config: GatewayConfig): string[] {
  const origins: string[] = [];
  if (config.publicUrl) origins.push(config.publicUrl);
  const host = (config.trustProxy && firstHop(c.req.header('x-forwarded-host'))) || c.req.header('host') || new URL(c.req.url).host;
  if (host) origins.push(`${isHttps(c, config) ? 'https' : 'http'}://${host.toLowerCase()}`);
  return origins;
}

// Cookies: HttpOnly, SameSite=Lax, Path=/; over HTTPS also Secure with the __Host- prefix (no Domain).
export function cookieOptions(c: Ctx, config: GatewayConfig, maxAgeSeconds: number) {
  const secure = isHttps(c, config);
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    path: '/',
    maxAge: maxAgeSeconds,
    expires: new Date(Date.now() + maxAgeSeconds * 1000),
    secure,
    ...(secure ? { prefix: 'host' as const } : {}),
  };
}

export function readCookie(c: Ctx, name: string): string | undefined {
  return getCookie(c, name, 'host') ?? getCookie(c, name);
}

/** Every value sent for a cookie (with and without the __Host- prefix), in the order the browser sent them. */
export function cookieValues(c: Ctx, name: string): string[] {
  const values: string[] = [];
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq > 0 && (key === name || key === `__Host-${name}`)) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function writeCookie(c: Ctx, config: GatewayConfig, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, cookieOptions(c, config, maxAgeSeconds));
}

export function clearCookie(c: Ctx, config: GatewayConfig, name: string): void {
  const { expires: _expires, maxAge: _maxAge, ...opts } = cookieOptions(c, config, 0);
  deleteCookie(c, name, opts);
}

/**
 * The signed-in session, or undefined. Of several cookies with our name (another site on a parent domain
 * can add one), the first that opens counts, so a planted garbage cookie cannot sign the user out. Asks
 * the shared state whether it was revoked: throws StateUnavailable when that cannot be known.
 */
export async function readSession(c: Ctx, gw: Gateway): Promise<Session | undefined> {
  for (const value of cookieValues(c, SESSION_COOKIE)) {
    const session = gw.sessions.read(value);
    if (session) return (await gw.state.isRevoked(session.sid)) ? undefined : session;
  }
  return undefined;
}

export function hasSessionCookie(c: Ctx): boolean {
  return cookieValues(c, SESSION_COOKIE).length > 0;
}

export function startSession(c: Ctx, gw: Gateway, cookie: string, method: Session['method']): void {
  writeCookie(c, gw.config, SESSION_COOKIE, cookie, Math.floor(gw.sessions.ttlMs / 1000));
  gw.metrics.sessionsStarted.inc({ method });
}

/** Clears this browser's cookie and revokes the session (when given) on every instance. */
export async function endSession(c: Ctx, gw: Gateway, session: Session | undefined, reason: SessionEnd): Promise<void> {
  clearCookie(c, gw.config, SESSION_COOKIE);
  if (session) await revokeSession(gw, session, reason);
}

export async function revokeSession(gw: Gateway, session: Session, reason: SessionEnd): Promise<void> {
  await gw.state.revoke(session.sid, session.exp);
  gw.metrics.sessionsEnded.inc({ reason });
}
