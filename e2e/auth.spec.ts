/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser, hence the DOM types.
import { expect, test } from '@playwright/test';
import { signIn, signInThroughPage } from './fixtures.ts';

const XRW = { 'X-Requested-With': 'orrery' };

test('token sign-in → /auth/session is signed in → sign out ends it', async ({ page }) => {
  await signInThroughPage(page, '/databases');
  const session = await page.request.get('/auth/session', { headers: XRW });
  expect(session.status()).toBe(200);
  const body = await session.json();
  expect(body).toMatchObject({ signedIn: true, method: 'token', account: { id: expect.any(String), name: expect.any(String) } });
  expect(JSON.stringify(body)).not.toContain(process.env.ORRERY_E2E_TOKEN ?? '');

  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await (await page.request.get('/auth/session', { headers: XRW })).json()).toEqual({ signedIn: false, oauth: true });
  expect((await page.request.get('/api/v3/databases', { headers: XRW })).status()).toBe(401);
});

test('sign-out removes what was kept for the account in localStorage and keeps the language', async ({ page }) => {
  await signIn(page, '/databases');
  await page.evaluate(() => {
    localStorage.setItem('orrery.profiles.columns.1', '["email"]');
    localStorage.setItem('orrery.webhooks.1', '["7"]');
    localStorage.setItem('orrery.locale', 'en');
  });
  const logout = page.waitForResponse((res) => res.url().endsWith('/auth/logout'));
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  expect((await (await logout).allHeaders())['clear-site-data']).toBe('"cache", "storage"');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('orrery.'))
          .sort(),
      ),
    )
    .toEqual(['orrery.locale']);
  expect(await page.evaluate(() => localStorage.getItem('orrery.locale'))).toBe('en');
});

test('the session cookie is HttpOnly, SameSite=Lax, expiring, and holds no token', async ({ page, context }) => {
  await signIn(page, '/');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'orrery_session');
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(session?.path).toBe('/');
  expect(session?.expires ?? -1).toBeGreaterThan(Date.now() / 1000);
  expect(session?.value).not.toContain(process.env.ORRERY_E2E_TOKEN ?? '');
  expect(await page.evaluate(() => document.cookie)).not.toContain('orrery_session');
});

test('Sign in with Copernica: authorize page → consent → back where the user was, signed in', async ({ page }) => {
  await page.goto('/sign-in?returnTo=%2Fdatabases');
  const button = page
    .getByRole('link', { name: /Sign in with Copernica/i })
    .or(page.getByRole('button', { name: /Sign in with Copernica/i }));
  if (await button.count()) await button.first().click();
  else await page.goto('/auth/login?returnTo=%2Fdatabases'); // until the SPA has its button

  // the emulator's consent page (another origin), with our client and a strong state
  await expect(page).toHaveURL(/\/(en|nl)\/authorize\?/);
  const authorize = new URL(page.url());
  expect(authorize.searchParams.get('response_type')).toBe('code');
  expect(authorize.searchParams.get('state')).toMatch(/^[0-9a-f]{64}$/);
  expect(authorize.searchParams.get('redirect_uri')).toMatch(/\/auth\/callback$/);
  expect(authorize.search).not.toContain('client_secret');
  await page.getByRole('button', { name: /allow|toestaan/i }).click();

  await expect(page).toHaveURL(/\/databases$/);
  await expect(page.getByTestId('account-name')).toBeVisible();
  const session = await (await page.request.get('/auth/session', { headers: XRW })).json();
  expect(session).toMatchObject({ signedIn: true, method: 'oauth' });
  const list = await page.request.get('/api/v3/databases', { headers: XRW });
  expect(list.status()).toBe(200);
});

test('a replayed or forged OAuth callback is refused with a clear page and no session', async ({ page }) => {
  await page.goto('/auth/callback?code=forged&state=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/start again/);
  expect(await (await page.request.get('/auth/session', { headers: XRW })).json()).toMatchObject({ signedIn: false });
});

test('after sign-in the user never leaves the site, whatever returnTo says', async ({ page, baseURL }) => {
  await page.goto('/auth/login?returnTo=%2F%2Fevil.example%2Fphish');
  await expect(page).toHaveURL(/\/(en|nl)\/authorize\?/);
  expect(page.url()).not.toContain('evil.example');
  await page.getByRole('button', { name: /allow|toestaan/i }).click();
  // Back on the site's home: `/`, which at once shows the databases.
  const home = new URL(baseURL ?? '');
  await expect(page).toHaveURL((url) => url.origin === home.origin && ['/', '/databases'].includes(url.pathname));
});
