// Found by hostile testing: each case here failed before its fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, startGateway } from './index.ts';
import { MAX_BODY_BYTES } from './proxy.ts';
import { captureLogs, cookieFrom, type FakeApi, GOOD_TOKEN, SECRET, startFakeApi } from './testing/support.ts';

let api: FakeApi;
const logs = captureLogs('info');
const XRW = { 'X-Requested-With': 'orrery' };

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

function gateway(extra: Partial<Parameters<typeof createGateway>[0]> = {}) {
  return createGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, ...extra }).app;
}

const tokenSignIn = (headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { ...XRW, 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({ access_token: GOOD_TOKEN }),
});

async function signedIn(app = gateway()) {
  const cookie = cookieFrom(await app.request('/auth/token', tokenSignIn())) ?? '';
  return { app, cookie };
}

/** A bulk body of 1,000 profiles, each with a dozen realistic fields: what an import or bulk edit sends at most. */
function thousandProfiles(): string {
  const profiles = Array.from({ length: 1000 }, (_, i) => ({
    ID: String(100_000 + i),
    fields: {
      email: `firstname.lastname.${i}@example-company.com`,
      firstname: 'Alexandra',
      lastname: 'van der Berg-Jansen',
      company: 'Example Company International BV',
      street: 'Keizersgracht 1234',
      zipcode: '1015 CJ',
      city: 'Amsterdam',
      country: 'Netherlands',
      phone: '+31 20 123 4567',
      birthdate: '1984-07-21',
      newsletter: 'yes',
      customer_since: '2019-03-01 09:30:00',
    },
  }));
  return JSON.stringify({ profiles });
}

describe('request bodies through /api', () => {
  it('accepts JSON only (optionally with charset=utf-8); anything else is 415 in the API error shape', async () => {
    const { app, cookie } = await signedIn();
    const send = (contentType: string | undefined, body = '{}') =>
      app.request('/api/v3/echo', {
        method: 'POST',
        headers: { ...XRW, Cookie: cookie, ...(contentType ? { 'Content-Type': contentType } : {}) },
        body,
      });
    for (const ok of ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON']) {
      expect((await send(ok)).status, ok).toBe(200);
    }
    for (const refused of [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      'application/jsonx',
      'application/json; charset=utf-16',
      'text/json',
      undefined,
    ]) {
      const res = await send(refused, 'a=1');
      expect(res.status, String(refused)).toBe(415);
      expect(await res.json()).toEqual({ error: { message: 'Only JSON request bodies (application/json) are accepted' } });
    }
  });

  it('lets bodiless writes through (DELETE without a body, POST with an empty one)', async () => {
    const { app, cookie } = await signedIn();
    expect((await app.request('/api/v3/profile/42', { method: 'DELETE', headers: { ...XRW, Cookie: cookie } })).status).toBe(204);
  });

  it('on a real socket: a DELETE without a body needs no content type; a text body is still 415', async () => {
    const running = await startGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, port: 0 });
    try {
      const signIn = await fetch(`${running.url}/auth/token`, tokenSignIn());
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      const deleted = await fetch(`${running.url}/api/v3/profile/42`, { method: 'DELETE', headers: { ...XRW, Cookie: cookie } });
      expect(deleted.status).toBe(204);
      const text = await fetch(`${running.url}/api/v3/echo`, {
        method: 'POST',
        headers: { ...XRW, Cookie: cookie, 'Content-Type': 'text/plain' },
        body: 'a=1',
      });
      expect(text.status).toBe(415);
    } finally {
      await running.close();
    }
  });

  it(`fits a 1,000-profile bulk body (well under ${MAX_BODY_BYTES / 1024 / 1024} MiB) and refuses a declared larger one with 413`, async () => {
    const { app, cookie } = await signedIn();
    const bulk = thousandProfiles();
    expect(Buffer.byteLength(bulk)).toBeLessThan(MAX_BODY_BYTES / 2);
    const fits = await app.request('/api/v3/echo', {
      method: 'PUT',
      headers: { ...XRW, Cookie: cookie, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(bulk)) },
      body: bulk,
    });
    expect(fits.status).toBe(200);
    expect(((await fits.json()) as { body: string }).body).toBe(bulk);

    const seen = api.requests.length;
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const res = await app.request('/api/v3/echo', {
      method: 'PUT',
      headers: { ...XRW, Cookie: cookie, 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { message: 'Request body too large (at most 2 MiB)' } });
    expect(api.requests.length).toBe(seen);
  });
});

describe('request targets', () => {
  it('answers 414 over 8 KiB, on a real socket too', async () => {
    const running = await startGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, port: 0 });
    try {
      const long = await fetch(`${running.url}/api/v3/databases?q=${'a'.repeat(8 * 1024)}`, { headers: XRW });
      expect(long.status).toBe(414);
      expect(await long.json()).toEqual({ error: { message: 'Request target too long' } });
      const fine = await fetch(`${running.url}/api/v3/databases?q=${'a'.repeat(7 * 1024)}`, { headers: XRW });
      expect(fine.status).toBe(401); // got as far as the session check
    } finally {
      await running.close();
    }
  });
});

describe('sign-in rate limit per client address', () => {
  it('allows a burst of 20 attempts, then 429 with an integer Retry-After', async () => {
    const app = gateway();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 22; i++) {
      last = await app.request('/auth/token', tokenSignIn());
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await last?.json()).toEqual({ error: { message: 'Too many sign-in attempts. Please wait a minute and try again.' } });
    // the OAuth routes draw from the same bucket
    expect((await app.request('/auth/login', {})).status).toBe(429);
    expect((await app.request('/auth/callback?state=x&code=y', {})).status).toBe(429);
  });

  it('keys on the socket address; X-Forwarded-For is ignored unless TRUST_PROXY is set', async () => {
    const limit = { authRateLimit: { perMinute: 1, burst: 1 } };
    const untrusted = gateway(limit);
    expect((await untrusted.request('/auth/token', tokenSignIn({ 'X-Forwarded-For': '203.0.113.1' }))).status).toBe(200);
    // a client inventing a new X-Forwarded-For for every attempt gains nothing
    expect((await untrusted.request('/auth/token', tokenSignIn({ 'X-Forwarded-For': '203.0.113.2' }))).status).toBe(429);

    const trusted = gateway({ ...limit, trustProxy: true });
    // behind one proxy the client is the right-most hop; what the client wrote left of it does not count
    expect((await trusted.request('/auth/token', tokenSignIn({ 'X-Forwarded-For': 'forged-1, 203.0.113.1' }))).status).toBe(200);
    expect((await trusted.request('/auth/token', tokenSignIn({ 'X-Forwarded-For': 'forged-2, 203.0.113.1' }))).status).toBe(429);
    expect((await trusted.request('/auth/token', tokenSignIn({ 'X-Forwarded-For': '198.51.100.7' }))).status).toBe(200);
  });

  it('uses the real socket address when running', async () => {
    const running = await startGateway({
      apiUrl: api.url,
      sessionSecret: SECRET,
      logger: logs.logger,
      port: 0,
      authRateLimit: { perMinute: 1, burst: 1 },
    });
    try {
      const attempt = () =>
        fetch(`${running.url}/auth/token`, tokenSignIn({ 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 250)}` }));
      expect((await attempt()).status).toBe(200);
      expect((await attempt()).status).toBe(429);
    } finally {
      await running.close();
    }
  });
});

describe('session cookie handling', () => {
  it('a garbage cookie with the same name in front of a valid one does not sign the user out', async () => {
    const { app, cookie } = await signedIn();
    const value = cookie.split('=')[1];
    for (const header of [
      `orrery_session=garbage; orrery_session=${value}`,
      `orrery_session=; orrery_session=${value}`,
      `orrery_session=${value}; orrery_session=garbage`,
    ]) {
      const session = await app.request('/auth/session', { headers: { Cookie: header } });
      expect(await session.json(), header).toMatchObject({ signedIn: true });
      expect(session.headers.getSetCookie(), header).toEqual([]); // and the good cookie is not cleared
      expect((await app.request('/api/v3/databases', { headers: { ...XRW, Cookie: header } })).status, header).toBe(200);
    }
  });

  it('a cookie with an extra trailing character is refused', async () => {
    const { app, cookie } = await signedIn();
    for (const suffix of ['A', 'Q', '-']) {
      const res = await app.request('/auth/session', { headers: { Cookie: `${cookie}${suffix}` } });
      expect(await res.json()).toMatchObject({ signedIn: false });
    }
  });

  it('sign-out tells the browser to drop cached and stored data (Clear-Site-Data)', async () => {
    const { app, cookie } = await signedIn();
    const res = await app.request('/auth/logout', { method: 'POST', headers: { ...XRW, Cookie: cookie } });
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "storage"');
    expect(res.headers.getSetCookie()[0]).toMatch(/^orrery_session=; .*Max-Age=0/);
  });
});
