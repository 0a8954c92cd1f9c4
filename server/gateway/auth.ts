import { Hono } from 'hono';
import {
  clearCookie,
  type Env,
  endSession,
  type Gateway,
  hasSessionCookie,
  readSession,
  revokeSession,
  SESSION_COOKIE,
  startSession,
} from './context.ts';
import { jsonError } from './errors.ts';
import { fetchIdentity, INVALID_TOKEN } from './upstream.ts';

const MAX_TOKEN_LENGTH = 512;

/** /auth/token (personal access token), /auth/session, /auth/logout. OAuth routes live in oauth.ts. */
export function authRoutes(gw: Gateway) {
  const app = new Hono<Env>();
  const timeoutMs = gw.config.upstreamTimeoutMs ?? 30_000;

  app.post('/token', async (c) => {
    const body = await c.req.json<unknown>().catch(() => undefined);
    const token = (body as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token !== 'string' || token.trim() === '') return jsonError(400, 'access_token is required');
    // tokens are opaque, but never contain whitespace or controls; refuse anything odd before it reaches a URL
    if (token.length > MAX_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token.trim())) return jsonError(401, INVALID_TOKEN);

    const identity = await fetchIdentity(gw.config.apiUrl, token.trim(), timeoutMs);
    if (!identity.ok) {
      if (identity.kind === 'rejected') {
        gw.log.info('token sign-in refused');
        return jsonError(401, INVALID_TOKEN);
      }
      gw.log.warn('token sign-in: Copernica unavailable', { status: identity.status, error: identity.message });
      return jsonError(502, 'Copernica is unavailable');
    }
    // a new sign-in retires the old session (cookie rotation)
    const previous = await readSession(c, gw);
    if (previous) await revokeSession(gw, previous, 'replaced');
    const { cookie } = gw.sessions.create('token', token.trim(), identity.value);
    startSession(c, gw, cookie, 'token');
    gw.log.info('signed in', { method: 'token' });
    return c.json({ signedIn: true, method: 'token', account: identity.value }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/session', async (c) => {
    const session = await readSession(c, gw);
    c.header('Cache-Control', 'no-store');
    if (!session) {
      if (hasSessionCookie(c)) await endSession(c, gw, undefined, 'signout'); // drop a dead cookie (expired, revoked, foreign)
      return c.json({ signedIn: false, oauth: Boolean(gw.config.oauth) });
    }
    return c.json({ signedIn: true, method: session.method, account: session.account });
  });

  app.post('/logout', async (c) => {
    // The browser drops what it cached or stored for this origin (the SPA keeps per-account choices in
    // localStorage); sent even when the shared state is down and the answer becomes a 503.
    c.header('Clear-Site-Data', '"cache", "storage"');
    c.header('Cache-Control', 'no-store');
    clearCookie(c, gw.config, SESSION_COOKIE); // first: this browser is signed out whatever happens next
    const session = await readSession(c, gw);
    if (session) await revokeSession(gw, session, 'signout');
    return c.body(null, 204);
  });

  return app;
}
