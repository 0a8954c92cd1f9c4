import type { Page, Route } from '@playwright/test';
import { apiCreate, uniqueName } from '../fixtures.ts';

/** A Copernica-style error answer (docs/api/conventions.md §5). */
export function errorAnswer(route: Route, status: number, message: string, headers: Record<string, string> = {}) {
  return route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify({ error: { message } }) });
}

/**
 * Intercepts the API calls to one path (exactly, query string aside) and records when each arrived in
 * the page's own (possibly fake) time; `answer` decides per call, `route.fallback()` lets the real API answer.
 */
export async function interceptPath(
  page: Page,
  pathname: string | ((p: string, url: URL) => boolean),
  answer: (route: Route, n: number, url: URL) => Promise<void>,
) {
  const seen: { at: number; url: URL }[] = [];
  const matches = (url: URL) => (typeof pathname === 'string' ? url.pathname === `/api/v3/${pathname}` : pathname(url.pathname, url));
  await page.route(matches, async (route) => {
    const url = new URL(route.request().url());
    const at = await page.evaluate(() => Date.now()).catch(() => Number.NaN);
    seen.push({ at, url });
    await answer(route, seen.length, url);
  });
  return {
    seen,
    count: () => seen.length,
    gaps: () => seen.slice(1).map((s, i) => s.at - (seen[i]?.at ?? 0)),
  };
}

/** A database of our own with an email field and profiles whose addresses are given. */
export async function seedProfiles(page: Page, emails: string[]) {
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_reads') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  const ids: string[] = [];
  for (let i = 0; i < emails.length; i += 10) {
    const batch = emails.slice(i, i + 10).map((email) => apiCreate(page, `database/${db}/profiles`, { fields: { email } }));
    ids.push(...(await Promise.all(batch)));
  }
  return { db, ids };
}

/** A promise to hold an answer back until the test lets it go. */
export function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The signed-in fixture leaves a page that may still be loading; counting starts from a blank page. */
export async function leaveSignInPage(page: Page) {
  await page.goto('about:blank');
}
