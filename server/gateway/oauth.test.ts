import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayApp } from './index.ts';
import { safeReturnTo } from './return-to.ts';
import { captureLogs, cookieFrom, type FakeApi, IDENTITY, OAUTH_CLIENT, SECRET, startFakeApi } from './testing/support.ts';

let api: FakeApi;
const logs = captureLogs('debug');
const AUTHORIZE = 'https://www.copernica.com/en/authorize';

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await api.close();
  for (const line of logs.lines) {
    expect(line).not.toContain(OAUTH_CLIENT.clientSecret);
    expect(line).not.toMatch(/oauth-\d+-token/);
    expect(line).not.toMatch(/code\d{6,}/);
  }
});

const gateway = () =>
  createGatewayApp({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, oauth: { ...OAUTH_CLIENT, authorizeUrl: AUTHORIZE } });

/** GET /auth/login → { state, stateCookie, location } */
async function login(app: ReturnType<typeof gateway>, returnTo = '/databases') {
  const res = await app.request(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  return { res, location, state: location.searchParams.get('state') ?? '', stateCookie: cookieFrom(res, 'orrery_oauth') ?? '' };
}

describe('GET /auth/login', () => {
  it('redirects to the authorize page with client_id, redirect_uri, response_type=code and a strong state', async () => {
    const { location, state, res } = await login(gateway());
    expect(`${location.origin}${location.pathname}`).toBe(AUTHORIZE);
    expect(location.searchParams.get('client_id')).toBe(OAUTH_CLIENT.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(OAUTH_CLIENT.redirectUri);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(state).toMatch(/^[0-9a-f]{64}$/);
    expect(location.searchParams.has('client_secret')).toBe(false);
    expect(res.headers.get('location')).not.toContain(OAUTH_CLIENT.clientSecret);
    const line = res.headers.getSetCookie().find((l) => l.startsWith('orrery_oauth=')) ?? '';
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Max-Age=600/);
    expect(line).not.toContain(state); // the state cookie is encrypted
  });

  it('uses a new state every time', async () => {
    const app = gateway();
    const a = await login(app);
    const b = await login(app);
    expect(a.state).not.toBe(b.state);
  });

  it('first hops to the origin Copernica will return to, once', async () => {
    const app = createGatewayApp({
      apiUrl: api.url,
      sessionSecret: SECRET,
      logger: logs.logger,
      oauth: { ...OAUTH_CLIENT, redirectUri: 'http://127.0.0.1:8080/auth/callback', authorizeUrl: AUTHORIZE },
    });
    const hop = await app.request('http://localhost:8080/auth/login?returnTo=%2Fdatabases');
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe('http://127.0.0.1:8080/auth/login?returnTo=%2Fdatabases&hop=1');
    expect(cookieFrom(hop, 'orrery_oauth')).toBeUndefined();
    const there = await app.request('http://127.0.0.1:8080/auth/login?returnTo=%2Fdatabases&hop=1');
    expect(there.headers.get('location')).toMatch(/^https:\/\/www\.copernica\.com\/en\/authorize\?/);
    const noLoop = await app.request('http://localhost:8080/auth/login?returnTo=%2F&hop=1');
    expect(noLoop.headers.get('location')).toMatch(/^https:\/\/www\.copernica\.com\//);
  });

  it('is 404 when OAuth is not configured', async () => {
    const app = createGatewayApp({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger });
    expect((await app.request('/auth/login')).status).toBe(404);
    expect((await app.request('/auth/callback?state=a&code=b')).status).toBe(404);
  });
});

describe('GET /auth/callback', () => {
  it('exchanges the code server-side, starts an oauth session and goes back to returnTo', async () => {
    const app = gateway();
    const { state, stateCookie } = await login(app, '/databases/1?tab=fields');
    const code = api.issueCode();
    const res = await app.request(`/auth/callback?code=${code}&state=${state}`, { headers: { Cookie: stateCookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/databases/1?tab=fields');
    const exchange = api.requests.find((r) => r.url.startsWith('/v3/token'));
    expect(exchange?.method).toBe('GET');
    const params = new URL(exchange?.url ?? '', 'http://x').searchParams;
    expect(params.get('client_secret')).toBe(OAUTH_CLIENT.clientSecret);
    expect(params.get('redirect_uri')).toBe(OAUTH_CLIENT.redirectUri);
    expect(params.get('code')).toBe(code);
    // state cookie cleared, session cookie set
    expect(res.headers.getSetCookie().some((l) => /^orrery_oauth=; .*Max-Age=0/.test(l))).toBe(true);
    const session = cookieFrom(res);
    expect(session).toBeDefined();
    const who = await app.request('/auth/session', { headers: { Cookie: session ?? '' } });
    expect(await who.json()).toEqual({ signedIn: true, method: 'oauth', account: IDENTITY });
    const list = await app.request('/api/v3/databases', { headers: { Cookie: session ?? '', 'X-Requested-With': 'orrery' } });
    expect(list.status).toBe(200);
    expect(api.requests.at(-1)?.url).toMatch(/access_token=oauth-\d+-token$/);
  });

  async function expectRefused(res: Response) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Sign-in failed');
    expect(html).not.toContain('<script');
    expect(cookieFrom(res)).toBeUndefined(); // no session
    return html;
  }

  it('refuses a missing state cookie (other browser / forged link)', async () => {
    const app = gateway();
    const { state } = await login(app);
    const html = await expectRefused(await app.request(`/auth/callback?code=${api.issueCode()}&state=${state}`));
    expect(html).toMatch(/expired|another browser/);
  });

  it('refuses a forged or missing state parameter', async () => {
    const app = gateway();
    const { stateCookie, state } = await login(app);
    const forged = state.replace(/^./, state[0] === 'a' ? 'b' : 'a');
    await expectRefused(await app.request(`/auth/callback?code=${api.issueCode()}&state=${forged}`, { headers: { Cookie: stateCookie } }));
    const again = await login(app);
    await expectRefused(await app.request(`/auth/callback?code=${api.issueCode()}`, { headers: { Cookie: again.stateCookie } }));
  });

  it('refuses a state cookie made with another secret', async () => {
    const other = createGatewayApp({
      apiUrl: api.url,
      sessionSecret: 'a-different-secret-0123456789abcdef0123',
      logger: logs.logger,
      oauth: { ...OAUTH_CLIENT, authorizeUrl: AUTHORIZE },
    });
    const { state, stateCookie } = await login(other);
    await expectRefused(
      await gateway().request(`/auth/callback?code=${api.issueCode()}&state=${state}`, { headers: { Cookie: stateCookie } }),
    );
  });

  it('refuses a replayed callback (state is single-use, even with the old cookie)', async () => {
    const app = gateway();
    const { state, stateCookie } = await login(app);
    const code = api.issueCode();
    const first = await app.request(`/auth/callback?code=${code}&state=${state}`, { headers: { Cookie: stateCookie } });
    expect(first.status).toBe(302);
    const html = await expectRefused(await app.request(`/auth/callback?code=${code}&state=${state}`, { headers: { Cookie: stateCookie } }));
    expect(html).toContain('already used');
    const fresh = await expectRefused(
      await app.request(`/auth/callback?code=${api.issueCode()}&state=${state}`, { headers: { Cookie: stateCookie } }),
    );
    expect(fresh).toContain('already used');
  });

  it('refuses wrong and reused codes', async () => {
    const app = gateway();
    const a = await login(app);
    await expectRefused(await app.request(`/auth/callback?code=not-a-code&state=${a.state}`, { headers: { Cookie: a.stateCookie } }));

    const b = await login(app);
    const code = api.issueCode();
    expect((await app.request(`/auth/callback?code=${code}&state=${b.state}`, { headers: { Cookie: b.stateCookie } })).status).toBe(302);
    const c = await login(app);
    await expectRefused(await app.request(`/auth/callback?code=${code}&state=${c.state}`, { headers: { Cookie: c.stateCookie } }));
  });

  it('refuses a callback without a code or with an error from Copernica', async () => {
    const app = gateway();
    const a = await login(app);
    await expectRefused(await app.request(`/auth/callback?state=${a.state}`, { headers: { Cookie: a.stateCookie } }));
    const b = await login(app);
    await expectRefused(await app.request(`/auth/callback?state=${b.state}&error=access_denied`, { headers: { Cookie: b.stateCookie } }));
  });

  it('rotates the session cookie on OAuth sign-in', async () => {
    const app = gateway();
    const first = await login(app);
    const r1 = await app.request(`/auth/callback?code=${api.issueCode()}&state=${first.state}`, { headers: { Cookie: first.stateCookie } });
    const s1 = cookieFrom(r1) ?? '';
    const second = await login(app);
    const r2 = await app.request(`/auth/callback?code=${api.issueCode()}&state=${second.state}`, {
      headers: { Cookie: `${second.stateCookie}; ${s1}` },
    });
    const s2 = cookieFrom(r2) ?? '';
    expect(s2).not.toBe(s1);
    expect(await (await app.request('/auth/session', { headers: { Cookie: s1 } })).json()).toMatchObject({ signedIn: false });
  });

  it('never redirects off-site after sign-in', async () => {
    const app = gateway();
    for (const evil of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const { state, stateCookie } = await login(app, evil);
      const res = await app.request(`/auth/callback?code=${api.issueCode()}&state=${state}`, { headers: { Cookie: stateCookie } });
      expect(res.headers.get('location'), evil).toBe('/');
    }
  });
});

describe('safeReturnTo', () => {
  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/%2f%2fevil.example',
    '/%5cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /x',
    '',
    '/auth/login?returnTo=//evil.example',
    `/${'a'.repeat(3000)}`,
  ])('rejects %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([
    ['/', '/'],
    ['/databases', '/databases'],
    ['/databases/1/profiles?start=100#top', '/databases/1/profiles?start=100#top'],
    ['/emailings/%C3%A9', '/emailings/%C3%A9'],
  ])('keeps %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});
