import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { type Env, endSession, type Gateway, hasSessionCookie, readSession } from './context.ts';
import { jsonError } from './errors.ts';
import { BodyTooLarge, type Forwarded, forward, readBody, UpstreamTimeout } from './forward.ts';
import { parseProxyTarget } from './proxy-path.ts';
import { sessionLimiter, tooManyRequests } from './rate-limit.ts';
import { errorMessage, INVALID_TOKEN } from './upstream.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
const REQUEST_HEADERS = ['content-type', 'accept'];
// Only what the SPA needs; never upstream cookies. Location-like headers are rewritten below.
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'retry-after', 'x-created', 'x-deleted'];
const LOCATION_HEADERS = ['location', 'x-location'];
// A body of 1,000 profiles with a dozen filled-in fields is about 0.4 MB (measured in hardening.test.ts);
// nothing the SPA sends comes close to this.
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
// Copernica also parses form bodies (docs/api/conventions.md §3), but the SPA only ever sends JSON: any
// other body type is something else talking through the gateway, so it is refused (415).
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const MAX_ERROR_BODY = 64 * 1024;
const BUFFER_LIMIT = 256 * 1024;

/** /api/v3/* → `${apiUrl}/v3/*?…&access_token=<session token>` (only ever to the configured API). */
export function proxyHandler(gw: Gateway) {
  const { apiUrl } = gw.config;
  const api = new URL(`${apiUrl}/`);
  const basePath = api.pathname.replace(/\/$/, '');
  const timeoutMs = gw.config.upstreamTimeoutMs ?? 30_000;
  const limiter = sessionLimiter(gw);

  return async (c: Context<Env>): Promise<Response> => {
    const target = parseProxyTarget(rawTarget(c));
    if (!target.ok) {
      gw.log.warn('proxy refused', { path: c.req.path, reason: target.reason });
      return jsonError(400, 'Invalid API path');
    }
    if (!METHODS.has(c.req.method)) return jsonError(405, 'Method not allowed');
    const session = await readSession(c, gw);
    if (!session) {
      if (hasSessionCookie(c)) await endSession(c, gw, undefined, 'signout'); // drop a dead cookie (expired, revoked, foreign)
      return c.json({ error: { message: 'Not signed in' } }, 401, { 'Cache-Control': 'no-store' });
    }
    const wait = (await limiter?.take(session.sid)) ?? 0;
    if (wait > 0) return tooManyRequests(gw, 'session', wait);
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    // Over HTTP/1.1 a request without Content-Length or Transfer-Encoding has no body (Node still hands
    // a DELETE an empty stream); only an in-process request (tests) is judged by its body object.
    const overHttp = c.env?.incoming !== undefined;
    const sendsBody =
      hasBody &&
      (declared > 0 || c.req.header('transfer-encoding') !== undefined || (!overHttp && Number.isNaN(declared) && c.req.raw.body !== null));
    if (sendsBody) {
      if (!JSON_TYPE.test(c.req.header('content-type') ?? ''))
        return jsonError(415, 'Only JSON request bodies (application/json) are accepted');
      if (declared > MAX_BODY_BYTES) return jsonError(413, `Request body too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MiB)`);
    }

    const url = `${apiUrl}${target.path}?${target.query ? `${target.query}&` : ''}access_token=${encodeURIComponent(session.token)}`;
    // Defence in depth: whatever the string building did, the request must stay on the API origin and path.
    const check = new URL(url);
    if (check.origin !== api.origin || !check.pathname.startsWith(`${basePath}/v3/`)) return jsonError(400, 'Invalid API path');

    const headers: Record<string, string> = { 'user-agent': 'orrery-gateway' };
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value) headers[name] = value;
    }
    // Small bodies (every edit the SPA makes) are read into memory, so a call that meets a stale
    // keep-alive socket can be sent again as is; big ones (bulk imports) stream through.
    const requestBody =
      !hasBody || !c.req.raw.body ? null : declared <= BUFFER_LIMIT ? Buffer.from(await c.req.arrayBuffer()) : c.req.raw.body;
    let upstream: Forwarded;
    const started = performance.now();
    try {
      upstream = await forward(check, {
        method: c.req.method,
        headers,
        body: requestBody,
        timeoutMs,
        maxBodyBytes: MAX_BODY_BYTES,
      });
    } catch (e) {
      if (e instanceof BodyTooLarge) return jsonError(413, `Request body too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MiB)`);
      if (e instanceof UpstreamTimeout) {
        gw.log.warn('upstream timeout', { method: c.req.method, path: target.path, ms: timeoutMs });
        return jsonError(504, 'Copernica did not answer in time');
      }
      gw.log.warn('upstream unavailable', { method: c.req.method, path: target.path, error: e as Error });
      return jsonError(502, 'Copernica is unavailable');
    }

    gw.metrics.upstreamSeconds.observe({ method: c.req.method }, (performance.now() - started) / 1000);
    if (gw.log.level === 'debug') {
      gw.log.debug('upstream', {
        method: c.req.method,
        path: target.path,
        status: upstream.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
    const out = new Headers({ 'cache-control': 'no-store' });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers[name];
      if (typeof value === 'string') out.set(name, value);
    }
    for (const name of LOCATION_HEADERS) {
      const value = upstream.headers[name];
      const rewritten = typeof value === 'string' ? rewriteLocation(value, api, basePath) : undefined;
      if (rewritten) out.set(name, rewritten);
    }

    const { status, body } = upstream;
    if (status === 400) {
      // Copernica answers a revoked token with 400 "Invalid access token": end the session, tell the SPA 401
      const text = decode(await readBody(body, MAX_ERROR_BODY).catch(() => undefined));
      if (text !== undefined && safeMessage(text) === INVALID_TOKEN) {
        gw.log.info('token rejected by Copernica, session ended', { path: target.path });
        await endSession(c, gw, session, 'rejected');
        return c.json({ error: { message: INVALID_TOKEN } }, 401, { 'Cache-Control': 'no-store' });
      }
      return new Response(text ?? '', { status, headers: out });
    }
    if (status === 204 || status === 205 || status === 304 || c.req.method === 'HEAD') {
      body.resume();
      return new Response(null, { status, headers: out });
    }
    // Small bodies (most API answers) are buffered: cheaper than a stream; big lists stream through.
    const length = Number(upstream.headers['content-length'] ?? Number.NaN);
    if (length <= BUFFER_LIMIT) {
      const buffered = await readBody(body, BUFFER_LIMIT).catch(() => undefined);
      return buffered ? new Response(buffered, { status, headers: out }) : jsonError(502, 'Copernica sent an incomplete answer');
    }
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers: out });
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

function decode(bytes: Uint8Array | undefined): string | undefined {
  return bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

function safeMessage(text: string): string | undefined {
  try {
    return errorMessage(JSON.parse(text));
  } catch {
    return undefined;
  }
}
