import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayApp } from './index.ts';
import { captureLogs, cookieFrom, type FakeApi, GOOD_TOKEN, IDENTITY, SECRET, startFakeApi } from './testing/support.ts';

let api: FakeApi;
const logs = captureLogs('debug');
const XRW = { 'X-Requested-With': 'orrery' };

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await api.close();
  // every log line written by every gateway in this file: no token, ever
  expect(logs.lines.length).toBeGreaterThan(0);
  for (const line of logs.lines) expect(line).not.toContain(GOOD_TOKEN);
});

function gateway(extra: Partial<Parameters<typeof createGatewayApp>[0]> = {}) {
  return createGatewayApp({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, ...extra });
}

async function signIn(app = gateway(), token = GOOD_TOKEN) {
  const res = await app.request('/auth/token', {
    method: 'POST',
    headers: { ...XRW, 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: token }),
  });
  return { res, cookie: cookieFrom(res) };
}

describe('token sign-in and session', () => {
  it('signs in with a valid token and never echoes it', async () => {
    const { res, cookie } = await signIn();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ signedIn: true, method: 'token', account: IDENTITY });
    expect(text).not.toContain(GOOD_TOKEN);
    expect(cookie).toBeDefined();
    expect(cookie).not.toContain(GOOD_TOKEN);
    expect(api.requests.at(-1)?.url).toBe(`/v3/identity?access_token=${GOOD_TOKEN}`);
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie with an expiry, not Secure over http', async () => {
    const { res } = await signIn();
    const line = res.headers.getSetCookie().find((l) => l.startsWith('orrery_session='));
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=28800/);
    expect(line).toMatch(/; Expires=/);
    expect(line).not.toMatch(/Secure/);
  });

  it('uses a Secure __Host- cookie and HSTS when served over https', async () => {
    const app = gateway({ publicUrl: 'https://orrery.example.com' });
    const res = await app.request('https://orrery.example.com/auth/token', {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json', Origin: 'https://orrery.example.com' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    expect(res.status).toBe(200);
    const line = res.headers.getSetCookie()[0] ?? '';
    expect(line).toMatch(/^__Host-orrery_session=/);
    expect(line).toMatch(/; Secure/);
    expect(line).not.toMatch(/Domain=/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const cookie = cookieFrom(res);
    const session = await app.request('https://orrery.example.com/auth/session', { headers: { Cookie: cookie ?? '' } });
    expect(await session.json()).toMatchObject({ signedIn: true });
  });

  it('honours X-Forwarded-Proto only with TRUST_PROXY', async () => {
    const headers = { ...XRW, 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' };
    const body = JSON.stringify({ access_token: GOOD_TOKEN });
    const trusted = await gateway({ trustProxy: true }).request('/auth/token', { method: 'POST', headers, body });
    expect(trusted.headers.getSetCookie()[0]).toMatch(/^__Host-orrery_session=.*; Secure/);
    const untrusted = await gateway().request('/auth/token', { method: 'POST', headers, body });
    expect(untrusted.headers.getSetCookie()[0]).toMatch(/^orrery_session=/);
  });

  it('refuses an invalid token with 401 in Copernica error shape and sets no cookie', async () => {
    const { res, cookie } = await signIn(gateway(), 'wrong-token');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Invalid access token' } });
    expect(cookie).toBeUndefined();
  });

  it('rejects a missing or malformed token without calling Copernica', async () => {
    const app = gateway();
    const before = api.requests.length;
    for (const body of ['{}', 'not json', JSON.stringify({ access_token: 42 }), JSON.stringify({ access_token: 'a b\nc' })]) {
      const res = await app.request('/auth/token', { method: 'POST', headers: { ...XRW, 'Content-Type': 'application/json' }, body });
      expect([400, 401]).toContain(res.status);
      expect(await res.json()).toHaveProperty('error.message');
    }
    expect(api.requests.length).toBe(before);
  });

  it('reports the session, then signs out (204, cookie cleared, old cookie dead)', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const session = await app.request('/auth/session', { headers: { Cookie: cookie ?? '' } });
    expect(await session.json()).toEqual({ signedIn: true, method: 'token', account: IDENTITY });

    const out = await app.request('/auth/logout', { method: 'POST', headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^orrery_session=; .*Max-Age=0/);

    const after = await app.request('/auth/session', { headers: { Cookie: cookie ?? '' } });
    expect(await after.json()).toEqual({ signedIn: false, oauth: false });
    expect(after.headers.getSetCookie()[0]).toMatch(/^orrery_session=; .*Max-Age=0/); // the dead cookie is dropped
    const apiAfter = await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(apiAfter.status).toBe(401);
  });

  it('says whether OAuth is configured when signed out', async () => {
    const app = gateway({
      oauth: {
        clientId: 'x',
        clientSecret: 'y',
        redirectUri: 'http://127.0.0.1/auth/callback',
        authorizeUrl: 'https://auth.example/en/authorize',
      },
    });
    expect(await (await app.request('/auth/session')).json()).toEqual({ signedIn: false, oauth: true });
  });

  it('ignores tampered and foreign cookies', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const value = (cookie ?? '').split('=')[1] ?? '';
    const flipped = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    for (const bad of [`orrery_session=${flipped}`, 'orrery_session=abc', 'orrery_session=']) {
      const res = await app.request('/auth/session', { headers: { Cookie: bad } });
      expect(await res.json()).toMatchObject({ signedIn: false });
    }
    const other = gateway({ sessionSecret: 'another-secret-0123456789abcdef0123456789' });
    expect(await (await other.request('/auth/session', { headers: { Cookie: cookie ?? '' } })).json()).toMatchObject({ signedIn: false });
  });

  it('rotates the cookie on every sign-in and retires the previous one', async () => {
    const app = gateway();
    const first = await signIn(app);
    const res = await app.request('/auth/token', {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json', Cookie: first.cookie ?? '' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const second = cookieFrom(res);
    expect(second).toBeDefined();
    expect(second).not.toBe(first.cookie);
    expect(await (await app.request('/auth/session', { headers: { Cookie: first.cookie ?? '' } })).json()).toMatchObject({
      signedIn: false,
    });
    expect(await (await app.request('/auth/session', { headers: { Cookie: second ?? '' } })).json()).toMatchObject({ signedIn: true });
  });

  it('expires sessions', async () => {
    const app = gateway({ sessionTtlMs: 50 });
    const { cookie } = await signIn(app);
    await new Promise((r) => setTimeout(r, 80));
    expect(await (await app.request('/auth/session', { headers: { Cookie: cookie ?? '' } })).json()).toMatchObject({ signedIn: false });
  });
});

describe('cross-site protection', () => {
  it('refuses POST/PUT/DELETE without X-Requested-With: orrery', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await app.request('/api/v3/echo', {
        method,
        headers: { Cookie: cookie ?? '' },
        body: method === 'DELETE' ? undefined : '{}',
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toHaveProperty('error.message');
    }
    const login = await app.request('/auth/token', { method: 'POST', body: JSON.stringify({ access_token: GOOD_TOKEN }) });
    expect(login.status).toBe(403);
    expect((await app.request('/auth/logout', { method: 'POST' })).status).toBe(403);
  });

  it('refuses cross-site state-changing requests even with the header', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const cases: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { Origin: 'http://localhost.evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'http://localhost', 'Sec-Fetch-Site': 'cross-site' },
    ];
    const before = api.requests.length;
    for (const method of ['POST', 'PUT', 'DELETE']) {
      for (const headers of cases) {
        const res = await app.request('/api/v3/echo', { method, headers: { ...XRW, Cookie: cookie ?? '', ...headers } });
        expect(res.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(api.requests.length).toBe(before);
  });

  it('accepts same-origin requests (Origin of the Host, or of PUBLIC_URL)', async () => {
    const app = gateway({ publicUrl: 'http://127.0.0.1:5173' });
    const { cookie } = await signIn(app);
    for (const origin of ['http://localhost', 'http://127.0.0.1:5173']) {
      const res = await app.request('/api/v3/echo', {
        method: 'POST',
        headers: { ...XRW, Cookie: cookie ?? '', Origin: origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status, origin).toBe(200);
    }
  });

  it('refuses cross-site reads of the API but lets links through', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const read = await app.request('/api/v3/databases', {
      headers: { Cookie: cookie ?? '', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
    });
    expect(read.status).toBe(403);
    const nav = await app.request('/api/v3/databases', {
      headers: { Cookie: cookie ?? '', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(nav.status).toBe(200);
  });
});

describe('API proxy', () => {
  it('answers 401 in Copernica shape without a session', async () => {
    const res = await gateway().request('/api/v3/databases', { headers: XRW });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Not signed in' } });
  });

  it('forwards GET with the session token and passes the body and Content-Type through', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/databases?limit=5&start=0', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ count: 1, data: [{ name: 'Customers' }] });
    expect(api.requests.at(-1)?.url).toBe(`/v3/databases?limit=5&start=0&access_token=${GOOD_TOKEN}`);
  });

  it('forwards POST bodies, strips browser cookies, auth headers and access_token, rewrites Location', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/database/1/profiles?access_token=evil&Access_Token=evil2&access%5Ftoken=evil3', {
      method: 'POST',
      headers: {
        ...XRW,
        Cookie: `${cookie}; other=1`,
        Authorization: 'Bearer browser',
        'Content-Type': 'application/json',
        'X-Forwarded-Host': 'evil',
      },
      body: JSON.stringify({ fields: { email: 'ann@example.org' } }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-created')).toBe('42');
    expect(res.headers.get('x-location')).toBe('/api/v3/profile/42');
    expect(res.headers.get('location')).toBe('/api/v3/profile/42');
    expect(res.headers.get('set-cookie')).toBeNull();
    const seen = api.requests.at(-1);
    expect(seen?.url).toBe(`/v3/database/1/profiles?access_token=${GOOD_TOKEN}`);
    expect(seen?.body).toBe(JSON.stringify({ fields: { email: 'ann@example.org' } }));
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-forwarded-host']).toBeUndefined();
    expect(seen?.headers['content-type']).toBe('application/json');
  });

  it('streams large bodies through', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/big', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      chunks++;
    }
    expect(bytes).toBe(16 * 64 * 1024);
    expect(chunks).toBeGreaterThan(1);
  });

  it('refuses request bodies over 2 MiB, also when sent without Content-Length', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/api/v3/echo', {
      method: 'POST',
      headers: { ...XRW, Cookie: cookie ?? '', 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { message: 'Request body too large (at most 2 MiB)' } });
  });

  it('forwards a DELETE body intact (bulk delete of profiles sends one)', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const payload = JSON.stringify({ profiles: ['1', '2', '3'] });
    const res = await app.request('/api/v3/echo', {
      method: 'DELETE',
      headers: { ...XRW, Cookie: cookie ?? '', 'Content-Type': 'application/json' },
      body: payload,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: 'DELETE', body: payload, contentType: 'application/json' });
  });

  it('passes X-deleted and 204 through', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/profile/42', { method: 'DELETE', headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-deleted')).toBe('profile 42');
  });

  it('passes Copernica errors through unchanged', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/bad', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: 'No database with supplied ID' } });
  });

  it('does not follow upstream redirects (the token stays home)', async () => {
    const app = gateway();
    const { cookie } = await signIn(app);
    const res = await app.request('/api/v3/redirect', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:9/elsewhere');
  });

  it("maps Copernica's 400 Invalid access token to 401 and ends the session", async () => {
    const app = gateway();
    const token = 'oauth-revoked-later';
    const { cookie } = await signIn(app, token);
    api.revoked.add(token);
    const res = await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Invalid access token' } });
    expect(res.headers.getSetCookie()[0]).toMatch(/^orrery_session=; .*Max-Age=0/);
    expect(await (await app.request('/auth/session', { headers: { Cookie: cookie ?? '' } })).json()).toMatchObject({ signedIn: false });
  });

  it('rate-limits per session with 429 and Retry-After', async () => {
    const app = gateway({ rateLimit: { perSecond: 1, burst: 3 } });
    const a = await signIn(app);
    const b = await signIn(app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: a.cookie ?? '' } })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: a.cookie ?? '' } });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toEqual({ error: { message: 'Too many requests' } });
    expect((await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: b.cookie ?? '' } })).status).toBe(200);
  });

  it('answers 504 when Copernica is too slow and 502 when it is down', async () => {
    const app = gateway({ upstreamTimeoutMs: 200 });
    const { cookie } = await signIn(app);
    const slow = await app.request('/api/v3/slow', { headers: { ...XRW, Cookie: cookie ?? '' } });
    expect(slow.status).toBe(504);
    expect(await slow.json()).toHaveProperty('error.message');

    const down = createGatewayApp({ apiUrl: 'http://127.0.0.1:9', sessionSecret: SECRET, logger: logs.logger });
    const cookieForDown = (await signIn(app)).cookie; // same secret: the session is valid on both
    const res = await down.request('/api/v3/databases', { headers: { ...XRW, Cookie: cookieForDown ?? '' } });
    expect(res.status).toBe(502);
    expect(await res.json()).toHaveProperty('error.message');
  });

  it('answers 404 JSON for unknown /api and /auth paths', async () => {
    const app = gateway();
    for (const path of ['/api/v2/databases', '/api/other', '/auth/nothing']) {
      const res = await app.request(path, { headers: XRW });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toHaveProperty('error.message');
    }
  });
});

describe('health', () => {
  it('is ok', async () => {
    const res = await gateway().request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
