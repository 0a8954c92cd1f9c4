import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayApp } from './index.ts';
import { captureLogs, cookieFrom, type FakeApi, GOOD_TOKEN, SECRET, startFakeApi } from './testing/support.ts';

let api: FakeApi;
let dist: string;
const logs = captureLogs();

beforeAll(async () => {
  api = await startFakeApi();
  const top = mkdtempSync(join(tmpdir(), 'orrery-dist-'));
  writeFileSync(join(top, 'outside.txt'), 'TOP SECRET');
  dist = join(top, 'dist');
  mkdirSync(dist);
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Orrery</title><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("hi")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // What the build writes beside a large script (vite.config.ts, precompress).
  writeFileSync(join(dist, 'assets', 'big-def456.js'), BIG_SCRIPT);
  writeFileSync(join(dist, 'assets', 'big-def456.js.br'), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(dist, 'assets', 'big-def456.js.gz'), gzipSync(BIG_SCRIPT));
});
const BIG_SCRIPT = 'export const words = ['.concat('"orrery",'.repeat(500), '];');
afterAll(async () => {
  await api.close();
  rmSync(join(dist, '..'), { recursive: true, force: true });
  for (const line of logs.lines) expect(line).not.toContain(GOOD_TOKEN);
});

const app = () =>
  createGatewayApp({
    apiUrl: api.url,
    sessionSecret: SECRET,
    staticDir: dist,
    logger: logs.logger,
    oauth: {
      clientId: 'c',
      clientSecret: 's',
      redirectUri: 'http://localhost/auth/callback',
      authorizeUrl: 'https://www.copernica.com/en/authorize',
    },
  });

describe('static SPA', () => {
  it('serves hashed assets with a long immutable cache', async () => {
    const res = await app().request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("hi")');
  });

  it('serves index.html for client-side routes, never cached without revalidation', async () => {
    for (const path of ['/', '/databases', '/databases/1/profiles', '/sign-in?returnTo=%2F']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Orrery</title>');
    }
  });

  it('sends the precompressed copy the browser accepts (brotli first, then gzip), else the file itself', async () => {
    const cases = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'gzip;q=1.0, br;q=0', encoding: 'gzip', decode: gunzipSync },
      { accept: 'identity', encoding: null, decode: (b: Buffer) => b },
      { accept: '', encoding: null, decode: (b: Buffer) => b },
    ];
    for (const { accept, encoding, decode } of cases) {
      const res = await app().request('/assets/big-def456.js', { headers: accept ? { 'Accept-Encoding': accept } : {} });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('content-type'), accept).toMatch(/^text\/javascript/);
      expect(res.headers.get('vary'), accept).toBe('Accept-Encoding');
      expect(decode(Buffer.from(await res.arrayBuffer())).toString(), accept).toBe(BIG_SCRIPT);
    }
    // A compressed and a plain answer never share an ETag (a cache would mix them up).
    const plain = await app().request('/assets/big-def456.js');
    const br = await app().request('/assets/big-def456.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    // The .br file is not a page of its own under another type.
    const direct = await app().request('/assets/big-def456.js.br');
    expect(direct.headers.get('content-encoding')).toBeNull();
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app().request('/favicon.svg');
    const etag = first.headers.get('etag') ?? '';
    const again = await app().request('/favicon.svg', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('404s missing assets instead of serving HTML as script', async () => {
    for (const path of ['/assets/missing.js', '/missing.css']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
    }
  });

  it('never serves a file outside dist', async () => {
    for (const path of [
      '/..%2foutside.txt',
      '/%2e%2e/outside.txt',
      '/..%5coutside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/outside.txt%00.js',
    ]) {
      const res = await app().request(path);
      expect(await res.text(), path).not.toContain('TOP SECRET');
    }
  });
});

describe('security headers on every kind of response', () => {
  async function signedInCookie() {
    const res = await app().request('/auth/token', {
      method: 'POST',
      headers: { 'X-Requested-With': 'orrery', 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    return cookieFrom(res) ?? '';
  }

  it('sends CSP, nosniff, referrer policy, frame denial and COOP everywhere', async () => {
    const cookie = await signedInCookie();
    const requests: [string, RequestInit?][] = [
      ['/health'],
      ['/'],
      ['/databases'],
      ['/assets/index-abc123.js'],
      ['/assets/missing.js'],
      ['/auth/session'],
      ['/auth/login?returnTo=/'],
      ['/auth/callback?state=x&code=y'],
      ['/auth/token', { method: 'POST', headers: { 'X-Requested-With': 'orrery' }, body: '{"access_token":"bad"}' }],
      ['/auth/logout', { method: 'POST' }],
      ['/api/v3/databases'],
      ['/api/v3/databases', { headers: { Cookie: cookie } }],
      ['/api/v3/bad', { headers: { Cookie: cookie } }],
      ['/api/v3/database/1/profiles', { method: 'POST', headers: { Cookie: cookie, 'X-Requested-With': 'orrery' }, body: '{}' }],
      ['/api/v3/profile/42', { method: 'DELETE', headers: { Cookie: cookie, 'X-Requested-With': 'orrery' } }],
      ['/api/v3/../../etc'],
      ['/api/nope'],
    ];
    for (const [path, init] of requests) {
      const res = await app().request(path, init);
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      expect(csp, `${path} ${res.status}`).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self' https://www.copernica.com");
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('strict-transport-security')).toBeNull(); // http only
    }
  });

  it('adds headers to unexpected errors too (500 in Copernica shape)', async () => {
    const gw = createGatewayApp({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger });
    gw.get('/boom', () => {
      throw new Error('kaboom');
    });
    const res = await gw.request('/boom');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { message: 'Internal error' } });
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
