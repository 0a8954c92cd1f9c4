import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { GatewayConfig } from './config.ts';
import type { Logger } from './log.ts';
import type { Session, SessionStore } from './session.ts';

// What every route needs: the validated config, the session store and the logger.
export interface Gateway {
  config: GatewayConfig;
  sessions: SessionStore;
  log: Logger;
}

export type Env = { Bindings: Partial<HttpBindings>; Variables: { session?: Session } };
export type Ctx = Context<Env>;

export const SESSION_COOKIE = 'orrery_session';

/** Served over HTTPS? (PUBLIC_URL, or X-Forwarded-Proto behind a trusted proxy, or a TLS socket) */
export function isHttps(c: Ctx, config: GatewayConfig): boolean {
  if (config.publicUrl?.startsWith('https:')) return true;
  if (config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** Origins a same-origin request of ours may carry: the configured public origin and the one it was sent to. */
export function ownOrigins(c: Ctx, config: GatewayConfig): string[] {
  const origins: string[] = [];
  if (config.publicUrl) origins.push(config.publicUrl);
  const host =
    (config.trustProxy && c.req.header('x-forwarded-host')?.split(',')[0]?.trim()) || c.req.header('host') || new URL(c.req.url).host;
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

export function writeCookie(c: Ctx, config: GatewayConfig, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, cookieOptions(c, config, maxAgeSeconds));
}

export function clearCookie(c: Ctx, config: GatewayConfig, name: string): void {
  const { expires: _expires, maxAge: _maxAge, ...opts } = cookieOptions(c, config, 0);
  deleteCookie(c, name, opts);
}

export function currentSession(c: Ctx, gw: Gateway): Session | undefined {
  return gw.sessions.read(readCookie(c, SESSION_COOKIE));
}

export function startSession(c: Ctx, gw: Gateway, cookie: string): void {
  writeCookie(c, gw.config, SESSION_COOKIE, cookie, Math.floor(gw.sessions.ttlMs / 1000));
}

export function endSession(c: Ctx, gw: Gateway, session?: Session): void {
  if (session) gw.sessions.revoke(session);
  clearCookie(c, gw.config, SESSION_COOKIE);
}
