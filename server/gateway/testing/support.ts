// Test helpers (not a test file): a fake Copernica on a loopback port, and captured logs.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../log.ts';

export const GOOD_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const SECRET = 'test-session-secret-0123456789abcdef0123456789';
export const IDENTITY = { id: '812', name: 'Orrery Demo', description: 'Sandbox account', company: 'Acme BV' };
export const OAUTH_CLIENT = {
  clientId: 'client-1',
  clientSecret: 'client-secret-xyz-987',
  redirectUri: 'http://localhost/auth/callback',
};

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeApi {
  url: string;
  requests: Recorded[];
  /** codes the fake /v3/token accepts once each */
  issueCode(token?: string): string;
  /** tokens revoked: answered with 400 Invalid access token */
  revoked: Set<string>;
  close(): Promise<void>;
}

/** Loopback HTTP server speaking a little Copernica: identity, token exchange, databases, echo, slow. */
export async function startFakeApi(): Promise<FakeApi> {
  const requests: Recorded[] = [];
  const codes = new Map<string, string>();
  const revoked = new Set<string>();
  let counter = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://fake');
      const token = url.searchParams.get('access_token');
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/v3/token') {
        const code = url.searchParams.get('code') ?? '';
        const issued = codes.get(code);
        const clientOk =
          url.searchParams.get('client_id') === OAUTH_CLIENT.clientId &&
          url.searchParams.get('client_secret') === OAUTH_CLIENT.clientSecret &&
          url.searchParams.get('redirect_uri') === OAUTH_CLIENT.redirectUri;
        if (!issued || !clientOk) return json(400, { error: { message: 'Invalid authorization code' } });
        codes.delete(code);
        return json(200, { access_token: issued });
      }
      if (!token || revoked.has(token) || !(token === GOOD_TOKEN || token.startsWith('oauth-'))) {
        return json(400, { error: { message: 'Invalid access token' } });
      }
      if (url.pathname === '/v3/identity') return json(200, IDENTITY);
      if (url.pathname === '/v3/databases')
        return json(200, { start: 0, limit: 100, count: 1, data: [{ ID: '1', name: 'Customers' }], total: 1 });
      if (url.pathname === '/v3/database/1/profiles' && req.method === 'POST') {
        res.writeHead(201, {
          'X-Created': '42',
          'X-location': `http://${req.headers.host}/v3/profile/42?access_token=${token}`,
          Location: `http://${req.headers.host}/profile/42?access_token=${token}`,
          'Set-Cookie': 'upstream=1',
        });
        return res.end();
      }
      if (url.pathname === '/v3/profile/42' && req.method === 'DELETE') {
        res.writeHead(204, { 'X-deleted': 'profile 42' });
        return res.end();
      }
      if (url.pathname === '/v3/slow') {
        setTimeout(() => json(200, { slow: true }), 2000);
        return;
      }
      if (url.pathname === '/v3/redirect') {
        res.writeHead(301, { Location: 'http://127.0.0.1:9/elsewhere' });
        return res.end();
      }
      if (url.pathname === '/v3/big') {
        // 1 MB in 64 kB chunks without Content-Length (chunked), like a large profile listing
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 16) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      if (url.pathname === '/v3/bad') return json(400, { error: { message: 'No database with supplied ID' } });
      if (url.pathname.startsWith('/v3/echo'))
        return json(200, { method: req.method, url: req.url, body, contentType: req.headers['content-type'] ?? null });
      return json(400, { error: { message: 'Invalid method' } });
    });
  });
  const url = await listen(server);
  return {
    url,
    requests,
    revoked,
    issueCode(token = `oauth-${++counter}-token`) {
      const code = `code${Date.now()}${++counter}`;
      codes.set(code, token);
      return code;
    },
    close: () => close(server),
  };
}

/** A server that must never be reached: counts whatever arrives. */
export async function startCanary(): Promise<{ url: string; host: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('canary');
  });
  const url = await listen(server);
  return { url, host: new URL(url).host, hits, close: () => close(server) };
}

export function captureLogs(level: 'info' | 'debug' = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger(level, (line) => lines.push(line)), lines };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}

/** Cookie header value ("name=value") from a response's Set-Cookie, for the next request. */
export function cookieFrom(res: Response, name = 'orrery_session'): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair?.startsWith(`${name}=`) || pair?.startsWith(`__Host-${name}=`)) return pair;
  }
  return undefined;
}

/** Request targets that must never be forwarded; `c` is the canary's host:port. */
export const hostileProxyTargets = (c: string): string[] => [
  '/api/v3/../../etc/passwd',
  '/api/v3/..',
  '/api/v3/.',
  '/api/v3/./identity',
  '/api/v3/database/./1',
  '/api/v3/database/1/..',
  '/api/v3/databases/..;/identity',
  '/api/v3/..%2f..%2fetc',
  '/api/v3/%2e%2e/%2e%2e/x',
  '/api/v3/%2E%2E/identity',
  '/api/v3/%2e/identity',
  '/api/v3/.%2e/identity',
  '/api/v3/database/%2e%2e',
  '/api/v3/database%2f..%2fidentity',
  '/api/v3/database%2F1',
  '/api/v3/database%5c1',
  '/api/v3/database%5C..%5Cidentity',
  '/api/v3/%252e%252e/identity',
  '/api/v3/%252f',
  '/api/v3/%25252e',
  '/api/v3/%c0%ae%c0%ae/identity',
  '/api/v3/%e0%80%ae%e0%80%ae/identity',
  '/api/v3/%ef%bc%8e%ef%bc%8e/identity',
  '/api/v3/%ef%bc%8fidentity',
  '/api/v3/%u002e%u002e/identity',
  '/api/v3/%/identity',
  '/api/v3/%zz',
  '/api/v3/..\\..\\identity',
  `/api/v3/\\\\${c}/x`,
  `/api/v3//${c}/x`,
  `/api/v3///${c}/x`,
  `/api/v3/http://${c}/x`,
  `/api/v3/https:%2f%2f${c}/x`,
  `/api/v3/@${c}/x`,
  `/api/v3/user@${c}/x`,
  `/api/v3/database/1@${c}`,
  `/api/v3/%40${c}/x`,
  `/api/v3/database/1;@${c}`,
  `http://${c}/api/v3/databases`,
  `//${c}/api/v3/databases`,
  `http://${c}@127.0.0.1/api/v3/databases`,
  '/api/v3/%00',
  '/api/v3/database%00/1',
  '/api/v3/database/1%0d%0aHost:%20evil',
  '/api/v3/database/1%0a',
  '/api/v3/database/1%7f',
  '/api/v3/database/1%09',
  '/api/v3/database/%c2%85',
  '/api/v3/',
  '/api/v3',
  `/api/v3/databases?x=1#@${c}`,
  `/api/v3/database#/../${c}`,
  `/api/v3/database/"><script>`,
  '/api/v3/database/1/%2e%2e;/identity',
  `/api/v3/${'a/'.repeat(1100)}`,
];
