import type { Locator, Page } from '@playwright/test';
import axeCore from 'axe-core';
import { apiGet, expect, signIn, test } from './fixtures.ts';

// Axe scans in the other specs see every page at rest. These put the pointer over, and the keyboard focus
// on, the main controls of each main page (tabs, buttons, navigation, table rows, menu items) in both colour
// schemes and let axe compute the contrast of the colours the user then sees.

type Paged<T> = { data: T[] };
type Db = { ID: string; name: string };
type Emailing = { id: string };

const PROBE = 'data-a11y-probe';

/** Contrast of the element under the pointer/focus (and what it contains) as axe computes it now. */
async function contrastProblems(page: Page, target: Locator, state: string) {
  await target.evaluate((el, attr) => el.setAttribute(attr, ''), PROBE);
  // Hover and focus colours fade in (Mantine transitions): scan the settled colours.
  await page
    .waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    )
    .catch(() => {});
  // axe is put into the page once per document (evaluate is not subject to the page's CSP) and asked for
  // one rule on one element: re-injecting it for each of the many probes made this spec take minutes.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
  const results = await page.evaluate(
    (selector) =>
      (window as unknown as { axe: typeof axeCore }).axe.run(selector, { runOnly: { type: 'rule', values: ['color-contrast'] } }),
    `[${PROBE}]`,
  );
  await target.evaluate((el, attr) => el.removeAttribute(attr), PROBE);
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${state} ${n.target.join(' ')}: ${n.any[0]?.message ?? v.id}`.replace(/\s+/g, ' ')),
  );
}

/** Whether the focused element shows a ring (outline or box-shadow) the user can see. */
function hasVisibleFocus(target: Locator) {
  return target.evaluate((el) => {
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
  });
}

const CONTROLS = [
  'nav[aria-label] a',
  'main [role="tab"]',
  'main nav a',
  'main button',
  'main tbody tr',
  'main a[href]',
  'header button',
].join(', ');

/**
 * One control of each kind on the page (same element, Mantine component, variant, colour and active
 * state look the same), marked `data-a11y-kind="N"`: scanning every button would take minutes.
 */
async function markControlKinds(page: Page) {
  return page.evaluate((selector) => {
    const seen = new Set<string>();
    let n = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!el.checkVisibility() || el.matches(':disabled')) continue;
      const root = Array.from(el.classList).find((c) => c.startsWith('mantine-') && c.endsWith('-root')) ?? '';
      const style = getComputedStyle(el);
      const kind = [
        el.tagName,
        root,
        el.dataset.variant,
        el.dataset.active,
        el.getAttribute('aria-current'),
        style.color,
        style.backgroundColor,
      ].join('|');
      if (seen.has(kind)) continue;
      seen.add(kind);
      el.dataset.a11yKind = String(n++);
    }
    return n;
  }, CONTROLS);
}

/** Hovers and then keyboard-focuses one control of each kind; returns contrast problems and controls without a ring. */
async function checkStates(page: Page) {
  const problems: string[] = [];
  const kinds = await markControlKinds(page);
  for (let i = 0; i < kinds; i++) {
    const control = page.locator(`[data-a11y-kind="${i}"]`);
    if (!(await control.isVisible())) continue;
    await control.hover();
    problems.push(...(await contrastProblems(page, control, 'hover')));
    if ((await control.evaluate((el) => (el as HTMLElement).tabIndex)) < 0) continue; // rows: hover only
    await control.focus();
    // Playwright's focus() is programmatic: press Shift (a no-op key) so :focus-visible applies.
    await page.keyboard.press('Shift');
    await page.mouse.move(0, 0);
    problems.push(...(await contrastProblems(page, control, 'focus')));
    if (!(await hasVisibleFocus(control))) problems.push(`no focus ring: ${await control.evaluate((e) => e.outerHTML.slice(0, 80))}`);
  }
  return problems;
}

async function demo(page: Page) {
  const dbs = await apiGet<Paged<Db>>(page, 'databases?limit=100');
  const db = dbs.data.find((d) => d.name === 'Customers') ?? dbs.data[0];
  if (!db) throw new Error('no demo database');
  const profiles = await apiGet<Paged<{ ID: string }>>(page, `database/${db.ID}/profiles?limit=1`);
  const ms = await apiGet<Paged<Emailing>>(page, 'ms/emailings?limit=1');
  const pub = await apiGet<Paged<Emailing>>(page, 'publisher/emailings?limit=1');
  return { db, profile: profiles.data[0]?.ID, ms: ms.data[0]?.id, pub: pub.data[0]?.id };
}

const PAGES: { name: string; path: (d: Awaited<ReturnType<typeof demo>>) => string }[] = [
  { name: 'databases', path: () => '/databases' },
  { name: 'profile', path: (d) => `/databases/${d.db.ID}/profiles/${d.profile}` },
  { name: 'selections', path: (d) => `/databases/${d.db.ID}/selections` },
  { name: 'emailing', path: (d) => `/emailings/publisher/${d.pub}` },
  { name: 'statistics', path: () => '/statistics' },
];

// One journey per colour scheme: signing in and loading the demo once per scheme, not once per page, keeps
// this spec to a few minutes of a CI worker.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test.setTimeout(480_000);

    test('hovered and focused controls on every main page keep AA contrast and show a focus ring; so do menu items', async ({ page }) => {
      await signIn(page, '/databases');
      const d = await demo(page);

      await test.step('a database name leads to its Profiles tab; the tab under the pointer stays readable', async () => {
        await page.getByRole('link', { name: d.db.name, exact: true }).click();
        const tab = page.getByRole('link', { name: 'Profiles', exact: true });
        await expect(tab).toHaveAttribute('aria-current', 'page');
        await tab.hover();
        expect(await contrastProblems(page, tab, 'hover')).toEqual([]);
        await expect(page.locator('main tbody tr').first()).toBeVisible();
        expect(await checkStates(page)).toEqual([]);
      });

      for (const target of PAGES)
        await test.step(`${target.name} page`, async () => {
          await page.goto(target.path(d));
          await expect(page.locator('main').getByRole('heading').first()).toBeVisible({ timeout: 30_000 });
          await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
          expect(await checkStates(page), target.name).toEqual([]);
        });

      await test.step('menu items under the pointer and keyboard focus', async () => {
        await page.getByTestId('account-menu').click();
        const items = page.getByRole('menuitem');
        await expect(items.first()).toBeVisible();
        const problems: string[] = [];
        for (let i = 0; i < (await items.count()); i++) {
          await items.nth(i).hover();
          problems.push(...(await contrastProblems(page, page.getByRole('menu'), 'hover')));
        }
        await page.mouse.move(0, 0);
        await page.keyboard.press('ArrowDown');
        problems.push(...(await contrastProblems(page, page.getByRole('menu'), 'focus')));
        expect(problems).toEqual([]);
      });
    });
  });
}
