import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../../testing/emulator.ts';

const client = {
  clientId: 'orrery',
  clientSecret: 's3cret',
  redirectUri: 'http://127.0.0.1:8080/auth/callback',
  name: 'Orrery <Dashboard>',
};
const state = 'a'.repeat(32);

function setup() {
  let now = new Date('2026-05-01T10:00:00Z');
  const emu = createTestEmulator({ profiles: 0, oauthClients: [client], now: () => now });
  return { ...emu, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const authorizeUrl = (params: Record<string, string>, lang = 'en') => `/${lang}/authorize?${new URLSearchParams(params)}`;

async function consent(emu: ReturnType<typeof setup>, decision: 'allow' | 'deny', lang = 'en') {
  const page = await emu.app.request(
    authorizeUrl({ client_id: client.clientId, redirect_uri: client.redirectUri, state, response_type: 'code' }, lang),
  );
  const html = await page.text();
  const nonce = /name="nonce" value="([0-9a-f]+)"/.exec(html)?.[1] as string;
  const form = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, state, nonce, decision });
  const res = await emu.app.request(`/${lang}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { page, html, nonce, form, res };
}

describe('OAuth (restv3/rest-oauth.md)', () => {
  it('renders an accessible consent page in English and Dutch naming the application', async () => {
    const emu = setup();
    const { page, html } = await consent(emu, 'deny');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Orrery &lt;Dashboard&gt;'); // escaped
    expect(html).toMatch(/<button type="submit" class="allow" name="decision" value="allow">Allow<\/button>/);
    expect(html).toContain('<form method="post" action="/en/authorize"');
    const nl = await (await consent(emu, 'deny', 'nl')).html;
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Toestaan');
    expect(nl).toContain('Weigeren');
  });

  it('Allow redirects with code and state; the code buys a token the API accepts, once', async () => {
    const emu = setup();
    const { res, form } = await consent(emu, 'allow');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(client.redirectUri);
    expect(location.searchParams.get('state')).toBe(state);
    const code = location.searchParams.get('code') as string;
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    const tokenUrl = `/v3/token?${new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUri, code })}`;
    const t = await emu.app.request(tokenUrl);
    expect(t.status).toBe(200);
    expect(t.headers.get('content-type')).toBe('application/json');
    const { access_token } = (await t.json()) as { access_token: string };
    expect(access_token).toMatch(/^[0-9a-f]{32}$/);
    expect((await emu.call('GET', 'identity', { token: access_token })).status).toBe(200);
    const again = await emu.app.request(tokenUrl);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: { message: 'Authorization code has already been used' } });
    // The consent nonce is single-use too.
    const replay = await emu.app.request('/en/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
  });

  it('Deny redirects with error=access_denied and state', async () => {
    const emu = setup();
    const { res } = await consent(emu, 'deny');
    const location = new URL(res.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(state);
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('a short state redirects without a code', async () => {
    const emu = setup();
    const res = await emu.app.request(authorizeUrl({ client_id: client.clientId, redirect_uri: client.redirectUri, state: 'short' }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') as string);
    expect(location.searchParams.get('code')).toBeNull();
    expect(location.searchParams.get('state')).toBe('short');
  });

  it('unknown clients and mismatching redirect URIs get an error page, never a redirect', async () => {
    const emu = setup();
    for (const params of [
      { client_id: 'nope', redirect_uri: client.redirectUri, state },
      { client_id: client.clientId, redirect_uri: 'https://evil.example/cb', state },
      { client_id: client.clientId, redirect_uri: `${client.redirectUri}/`, state },
    ]) {
      const res = await emu.app.request(authorizeUrl(params));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('token errors: missing parameters, bad secret, redirect mismatch, expired code', async () => {
    const emu = setup();
    const { res } = await consent(emu, 'allow');
    const code = new URL(res.headers.get('location') as string).searchParams.get('code') as string;
    const token = async (p: Record<string, string>) => {
      const r = await emu.app.request(`/v3/token?${new URLSearchParams(p)}`);
      return { status: r.status, body: (await r.json()) as { error?: { message: string } } };
    };
    const ok = { client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUri, code };
    expect((await token({ ...ok, code: '' })).body.error?.message).toBe('Missing parameter code');
    expect((await token({ ...ok, client_secret: 'x' })).body.error?.message).toBe('Invalid client_id or client_secret');
    expect((await token({ ...ok, redirect_uri: 'http://127.0.0.1:8080/other' })).body.error?.message).toBe(
      'redirect_uri does not match the registered redirect URI',
    );
    expect((await token({ ...ok, code: 'f'.repeat(32) })).body.error?.message).toBe('Invalid authorization code');
    emu.advance(10 * 60 * 1000 + 1);
    const expired = await token(ok);
    expect(expired.status).toBe(400);
    expect(expired.body.error?.message).toBe('Authorization code has expired');
  });
});
