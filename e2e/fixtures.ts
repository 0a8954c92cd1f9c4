import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_TOKEN = process.env.ORRERY_E2E_TOKEN ?? 'e2e-demo-token-0123456789abcdef';

/** Signs in through the real sign-in page with the demo account's access token. */
export async function signIn(page: Page, returnTo = '/') {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('account-name')).toBeVisible();
}

/**
 * axe (WCAG 2 A/AA) on the current page; failures list `rule: count` so they read well. `exclude` leaves out
 * parts axe cannot enter, such as the script-less sandboxed emailing frame (axe would wait for it forever).
 */
export async function expectNoA11yViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
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

/** Calls the API through the gateway with the page's session (same cookies). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api/v3/${path}`, { headers: { 'X-Requested-With': 'orrery' } });
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

export { expect };
