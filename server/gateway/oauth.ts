import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import {
  clearCookie,
  type Env,
  type Gateway,
  ownOrigins,
  readCookie,
  readSession,
  revokeSession,
  startSession,
  writeCookie,
} from './context.ts';
import { randomHex, Sealer } from './crypto.ts';
import { jsonError } from './errors.ts';
import { safeReturnTo } from './return-to.ts';
import { fetchIdentity, getJson } from './upstream.ts';

// Authorization-code flow (Copernica's OAuth 2.0, see conventions §2.3). The `state` is 32 random bytes,
// bound to this browser by an encrypted, short-lived state cookie, and single-use: the cookie is cleared at
// the callback and the value is remembered as spent (in the shared state, so on every instance) until it
// would have expired anyway.
const STATE_COOKIE = 'orrery_oauth';
const STATE_TTL_MS = 10 * 60 * 1000;

interface PendingLogin {
  state: string;
  returnTo: string;
  exp: number;
}

export function oauthRoutes(gw: Gateway) {
  const app = new Hono<Env>();
  const sealer = new Sealer(gw.config.sessionSecret, 'oauth-state');
  const timeoutMs = gw.config.upstreamTimeoutMs ?? 30_000;

  app.get('/login', (c) => {
    const oauth = gw.config.oauth;
    if (!oauth) return jsonError(404, 'Sign in with Copernica is not configured');
    // The state cookie must be set on the origin Copernica sends the user back to (e.g. opened as
    // localhost, registered as 127.0.0.1): hop there first, once (`hop` guards against loops).
    const home = new URL(oauth.redirectUri).origin;
    if (!ownOrigins(c, gw.config).includes(home) && c.req.query('hop') === undefined) {
      const returnTo = encodeURIComponent(safeReturnTo(c.req.query('returnTo')));
      return c.redirect(`${home}/auth/login?returnTo=${returnTo}&hop=1`, 302);
    }
    const pending: PendingLogin = { state: randomHex(32), returnTo: safeReturnTo(c.req.query('returnTo')), exp: Date.now() + STATE_TTL_MS };
    writeCookie(c, gw.config, STATE_COOKIE, sealer.seal(pending), STATE_TTL_MS / 1000);
    const url = new URL(oauth.authorizeUrl);
    url.searchParams.set('client_id', oauth.clientId);
    url.searchParams.set('redirect_uri', oauth.redirectUri);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('response_type', 'code');
    c.header('Cache-Control', 'no-store');
    return c.redirect(url.href, 302);
  });

  app.get('/callback', async (c) => {
    const oauth = gw.config.oauth;
    if (!oauth) return jsonError(404, 'Sign in with Copernica is not configured');
    c.header('Cache-Control', 'no-store');
    const cookie = readCookie(c, STATE_COOKIE);
    clearCookie(c, gw.config, STATE_COOKIE); // single-use, whatever happens next
    const fail = (reason: string, status = 400) => {
      gw.log.info('oauth sign-in failed', { reason });
      return c.html(errorPage(reason), status as 400);
    };

    const now = Date.now();
    const pending = toPending(cookie ? sealer.open(cookie) : undefined);
    const state = c.req.query('state');
    if (!pending || pending.exp <= now) return fail('This sign-in link has expired or was opened in another browser. Please start again.');
    if (!state || !sameString(state, pending.state))
      return fail('The sign-in response did not match this browser (state mismatch). Please start again.');
    if (!(await gw.state.spendState(pending.state, pending.exp)))
      return fail('This sign-in response was already used. Please start again.');
    if (c.req.query('error')) return fail('Sign-in was cancelled at Copernica.');
    const code = c.req.query('code');
    if (!code) return fail('Copernica did not return an authorization code.');

    const exchange = new URL(`${gw.config.apiUrl}/v3/token`);
    exchange.searchParams.set('client_id', oauth.clientId);
    exchange.searchParams.set('client_secret', oauth.clientSecret);
    exchange.searchParams.set('redirect_uri', oauth.redirectUri);
    exchange.searchParams.set('code', code);
    const res = await getJson(exchange.href, timeoutMs);
    const token = 'error' in res ? undefined : (res.body as { access_token?: unknown } | undefined)?.access_token;
    if ('error' in res) return fail('Copernica could not be reached to complete sign-in. Please try again.', 502);
    if (res.status !== 200 || typeof token !== 'string' || token === '')
      return fail('Copernica did not accept the authorization code. Please start again.');

    const identity = await fetchIdentity(gw.config.apiUrl, token, timeoutMs);
    if (!identity.ok)
      return fail('Copernica did not accept the new access token. Please start again.', identity.kind === 'rejected' ? 400 : 502);
    const previous = await readSession(c, gw);
    if (previous) await revokeSession(gw, previous, 'replaced');
    startSession(c, gw, gw.sessions.create('oauth', token, identity.value).cookie, 'oauth');
    gw.log.info('signed in', { method: 'oauth' });
    return c.redirect(safeReturnTo(pending.returnTo), 302);
  });

  return app;
}

function toPending(value: unknown): PendingLogin | undefined {
  const v = value as Partial<PendingLogin> | undefined;
  if (!v || typeof v.state !== 'string' || typeof v.returnTo !== 'string' || typeof v.exp !== 'number') return undefined;
  return { state: v.state, returnTo: v.returnTo, exp: v.exp };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function errorPage(message: string): string {
  const text = message.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in failed · Orrery</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}a{color:#364fc7}</style>
</head><body><main><h1>Sign-in failed</h1><p role="alert">${text}</p><p><a href="/">Back to Orrery</a></p></main></body></html>`;
}
