import type { Context } from 'hono';
import { currentSession, type Env, endSession, type Gateway } from './context.ts';
import { jsonError } from './errors.ts';
import { parseProxyTarget } from './proxy-path.ts';
import { TokenBuckets } from './rate-limit.ts';
import { errorMessage, INVALID_TOKEN } from './upstream.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
const REQUEST_HEADERS = ['content-type', 'accept'];
// Only what the SPA needs; never upstream cookies. Location-like headers are rewritten below.
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'retry-after', 'x-created', 'x-deleted'];
const LOCATION_HEADERS = ['location', 'x-location'];
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_ERROR_BODY = 64 * 1024;

/** /api/v3/* → `${apiUrl}/v3/*?…&access_token=<session token>` (only ever to the configured API). */
export function proxyHandler(gw: Gateway) {
  const { apiUrl } = gw.config;
  const api = new URL(`${apiUrl}/`);
  const basePath = api.pathname.replace(/\/$/, '');
  const timeoutMs = gw.config.upstreamTimeoutMs ?? 30_000;
  const limit = gw.config.rateLimit === false ? undefined : (gw.config.rateLimit ?? { perSecond: 20, burst: 100 });
  const buckets = limit && new TokenBuckets(limit.perSecond, limit.burst);

  return async (c: Context<Env>): Promise<Response> => {
    const target = parseProxyTarget(rawTarget(c));
    if (!target.ok) {
      gw.log.warn('proxy refused', { path: c.req.path, reason: target.reason });
      return jsonError(400, 'Invalid API path');
    }
    if (!METHODS.has(c.req.method)) return jsonError(405, 'Method not allowed');
    const session = currentSession(c, gw);
    if (!session) return jsonError(401, 'Not signed in');
    const wait = buckets?.take(session.sid) ?? 0;
    if (wait > 0) return jsonError(429, 'Too many requests', { 'Retry-After': String(wait) });
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) return jsonError(413, 'Request body too large');

    const url = `${apiUrl}${target.path}?${target.query ? `${target.query}&` : ''}access_token=${encodeURIComponent(session.token)}`;
    // Defence in depth: whatever the string building did, the request must stay on the API origin and path.
    const check = new URL(url);
    if (check.origin !== api.origin || !check.pathname.startsWith(`${basePath}/v3/`)) return jsonError(400, 'Invalid API path');

    const headers = new Headers({ 'user-agent': 'orrery-gateway' });
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    let upstream: Response;
    try {
      upstream = await fetch(url, {
        method: c.req.method,
        headers,
        body: hasBody ? c.req.raw.body : undefined,
        // Node 20 needs duplex for a streamed request body (STACK G13)
        ...(hasBody ? { duplex: 'half' } : {}),
        redirect: 'manual', // never follow a redirect with the token attached
        signal: AbortSignal.any([timeout.signal, c.req.raw.signal]),
      } as RequestInit);
    } catch (e) {
      if (timeout.signal.aborted) {
        gw.log.warn('upstream timeout', { method: c.req.method, path: target.path, ms: timeoutMs });
        return jsonError(504, 'Copernica did not answer in time');
      }
      gw.log.warn('upstream unavailable', { method: c.req.method, path: target.path, error: e as Error });
      return jsonError(502, 'Copernica is unavailable');
    } finally {
      clearTimeout(timer); // the body may stream for as long as it needs
    }

    const out = new Headers({ 'cache-control': 'no-store' });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) out.set(name, value);
    }
    for (const name of LOCATION_HEADERS) {
      const value = upstream.headers.get(name);
      const rewritten = value ? rewriteLocation(value, api, basePath) : undefined;
      if (rewritten) out.set(name, rewritten);
    }

    if (upstream.status === 400) {
      // Copernica answers a revoked token with 400 "Invalid access token": end the session, tell the SPA 401
      const text = await readLimited(upstream, MAX_ERROR_BODY);
      if (text !== undefined && safeMessage(text) === INVALID_TOKEN) {
        gw.log.info('token rejected by Copernica, session ended', { path: target.path });
        endSession(c, gw, session);
        return c.json({ error: { message: INVALID_TOKEN } }, 401, { 'Cache-Control': 'no-store' });
      }
      return new Response(text ?? '', { status: 400, headers: out });
    }
    const bodyless = upstream.status === 204 || upstream.status === 205 || upstream.status === 304 || c.req.method === 'HEAD';
    if (bodyless) await upstream.body?.cancel();
    return new Response(bodyless ? null : upstream.body, { status: upstream.status, headers: out });
  };
}

/** The request target exactly as it arrived on the socket; in-process tests fall back to the parsed URL. */
export function rawTarget(c: Context<Env>): string {
  const raw = c.env?.incoming?.url;
  if (raw !== undefined) return raw;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** Points an API URL back at the gateway (`/api/v3/...`) without the token; the SPA reads ids from it. */
export function rewriteLocation(value: string, api: URL, basePath: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, api);
  } catch {
    return undefined;
  }
  for (const key of [...url.searchParams.keys()]) if (key.toLowerCase() === 'access_token') url.searchParams.delete(key);
  if (url.origin !== api.origin) return url.href;
  let path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
  if (!/^\/v\d+\//.test(path)) path = `/v3${path}`; // Copernica's Location omits the version
  return `/api${path}${url.search}`;
}

async function readLimited(res: Response, max: number): Promise<string | undefined> {
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > max) {
    await res.body?.cancel();
    return undefined;
  }
  const text = await res.text();
  return text.length > max ? undefined : text;
}

function safeMessage(text: string): string | undefined {
  try {
    return errorMessage(JSON.parse(text));
  } catch {
    return undefined;
  }
}
