import type { Page } from '@playwright/test';
import { apiGet, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

// A phone (360 × 740): no page scrolls sideways, table cells show their values (not "fi." stubs), the
// navigation sits behind the burger. Screenshots land in test-results/ for a person to look at.

type Paged<T> = { data: T[] };

const PHONE = { width: 360, height: 740 };

/** Signs in (the shared helper waits for the account name, which a phone hides) and turns into a phone. */
async function signInOnPhone(page: Page) {
  await signIn(page, '/databases');
  await page.setViewportSize(PHONE);
}

async function demo(page: Page) {
  const dbs = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?limit=100');
  const db = dbs.data.find((d) => d.name === 'Customers') ?? dbs.data[0];
  if (!db) throw new Error('no demo database');
  const profiles = await apiGet<Paged<{ ID: string }>>(page, `database/${db.ID}/profiles?limit=1`);
  const pub = await apiGet<Paged<{ id: string }>>(page, 'publisher/emailings?limit=1');
  return { db: db.ID, profile: profiles.data[0]?.ID, emailing: pub.data[0]?.id };
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, 'page width').toBeLessThanOrEqual(widths.inner);
}

/** Characters a cell shows of its text: all of it, or as many as fit before the ellipsis. */
async function shownCharacters(page: Page, cellSelector: string) {
  return page.locator(cellSelector).evaluateAll((cells) =>
    cells
      .filter((c) => (c.textContent ?? '').trim().length >= 4)
      .map((c) => {
        const text = (c.textContent ?? '').trim();
        if (c.scrollWidth <= c.clientWidth) return text.length;
        return Math.floor((c.clientWidth / c.scrollWidth) * text.length);
      }),
  );
}

const PAGES = [
  { name: 'profiles', path: (d: Awaited<ReturnType<typeof demo>>) => `/databases/${d.db}/profiles`, cells: 'main tbody td' },
  { name: 'profile', path: (d: Awaited<ReturnType<typeof demo>>) => `/databases/${d.db}/profiles/${d.profile}`, cells: 'main tbody td' },
  { name: 'emailing', path: (d: Awaited<ReturnType<typeof demo>>) => `/emailings/publisher/${d.emailing}`, cells: 'main tbody td' },
  {
    name: 'selection',
    path: (d: Awaited<ReturnType<typeof demo>>) => `/databases/${d.db}/selections/new`,
    cells: 'main tbody td',
  },
];

for (const target of PAGES)
  test(`${target.name} page at 360 px: no sideways scrolling, readable cells, axe clean`, async ({ page }) => {
    test.setTimeout(120_000);
    await signInOnPhone(page);
    await page.goto(target.path(await demo(page)));
    await expect(page.locator('main').getByRole('heading').first()).toBeVisible();
    await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expectNoSidewaysScroll(page);
    const shown = await shownCharacters(page, target.cells);
    expect(
      shown.filter((n) => n < 4),
      'cells ellipsised to fewer than 4 characters',
    ).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`narrow-${target.name}.png`), fullPage: true });
    await expectNoA11yViolations(page);
  });

test('at 360 px the burger opens the navigation, and a link there closes it again', async ({ page }) => {
  await signInOnPhone(page);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await expect(nav).toBeVisible();
  await expectNoSidewaysScroll(page);
  await nav.getByRole('link', { name: 'Emailings' }).click();
  await expect(page).toHaveURL(/\/emailings/);
  await expect(nav).toBeHidden();
});
