import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_TOKEN = process.env.ORRERY_E2E_TOKEN ?? 'e2e-demo-token-0123456789abcdef';

/** Signs in through the real sign-in page with the demo account's access token. */
export async function signInThroughPage(page: Page, returnTo = '/') {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('account-name')).toBeVisible();
}

/**
 * Signs in with the demo token through the gateway's own sign-in call (the page's request context shares
 * the browser's cookies), then opens `returnTo`: the same session as the sign-in page gives, one page load
 * sooner. The sign-in page itself is covered by the specs that use `signInThroughPage`.
 */
export async function signIn(page: Page, returnTo = '/') {
  const res = await page.request.post('/auth/token', { headers: ORRERY, data: { access_token: DEMO_TOKEN } });
  expect(res.status(), 'POST /auth/token').toBe(200);
  await page.goto(returnTo);
  await expect(page.getByTestId('account-name')).toBeVisible({ timeout: 30_000 });
}

/**
 * axe (WCAG 2 A/AA) on the current page; failures list `rule: count` so they read well. `exclude` leaves out
 * parts axe cannot enter, such as the script-less sandboxed emailing frame (axe would wait for it forever).
 */
export async function expectNoA11yViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  // Scan the settled page: mid-transition (a toast or dialog fading in) colours are half-transparent and
  // axe would report contrast the user never sees once the animation ends. (Spinners loop forever: skip them.)
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
  expect(summary).toEqual([]);
}

/**
 * `page` comes signed in (a session cookie from the real gateway); `api` is a request context that
 * talks to the gateway with the same session, to check results through the API, not only on screen.
 */
export const test = base.extend<{ signedIn: Page }>({
  signedIn: async ({ page }, use) => {
    await signIn(page);
    await use(page);
  },
});

/** The header the SPA sends on every /api and /auth call; the gateway refuses writes without it. */
export const ORRERY = { 'X-Requested-With': 'orrery' } as const;

/** A name no other (parallel) spec uses. */
export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;

/**
 * Creates something through the gateway with the page's session and returns the new ID (X-Created).
 * Seeding many rows can meet the gateway's per-session rate limit: it waits, as the SPA does.
 */
export async function apiCreate(page: Page, path: string, data: unknown): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await page.request.post(`/api/v3/${path}`, { headers: ORRERY, data });
    if (res.status() === 429 && attempt < 20) {
      await new Promise((r) => setTimeout(r, Number(res.headers()['retry-after'] ?? 1) * 1000));
      continue;
    }
    expect(res.status(), `POST ${path}`).toBe(201);
    return res.headers()['x-created'] as string;
  }
}

/** Calls the API through the gateway with the page's session (same cookies). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api/v3/${path}`, { headers: { 'X-Requested-With': 'orrery' } });
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** Every item of a paged API list, 1000 at a time (the API's largest page). */
export async function apiGetAll<T>(page: Page, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; ; start += 1000) {
    const p = await apiGet<{ count: number; data: T[] }>(page, `${path}${path.includes('?') ? '&' : '?'}start=${start}&limit=1000`);
    out.push(...p.data);
    if (p.count < 1000) return out;
  }
}

export { expect };
