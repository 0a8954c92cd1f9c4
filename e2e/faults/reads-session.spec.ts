import { expect as baseExpect, DEMO_TOKEN, expectNoA11yViolations, test } from '../fixtures.ts';
import { errorAnswer, gate, interceptPath, leaveSignInPage, seedProfiles } from './reads-helpers.ts';

// A shared machine can be slow to render: generous waits for what must appear; what must not happen is checked exactly.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

test('offline: a banner within a second, cached data and no error toasts; back online the banner goes and stale data refetches', async ({
  signedIn: page,
  context,
}) => {
  await leaveSignInPage(page);
  await page.clock.install();
  const calls = await interceptPath(page, 'databases', (route) => route.fallback());
  await page.goto('/databases');
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  expect(calls.count()).toBe(1);

  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 1000 });
  await expectNoA11yViolations(page);
  await page.clock.fastForward(31_000); // the list is stale now
  await expect(table).toBeVisible();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  expect(calls.count()).toBe(1);

  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 1000 });
  await expect.poll(calls.count, { timeout: 2000 }).toBe(2);
  await expect(table).toBeVisible();
});

test('the session ends while several queries are on screen: exactly one sign-in prompt, no retries, then the page loads', async ({
  signedIn: page,
  context,
}) => {
  await leaveSignInPage(page);
  await page.clock.install();
  await page.goto('/databases');
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  const refused: string[] = [];
  page.on('response', (r) => {
    // API reads only: the sign-in dialog's own /auth calls are not retries of a refused query.
    if (r.status() === 401 && new URL(r.url()).pathname.startsWith('/api/')) refused.push(r.url());
  });
  await context.clearCookies();
  // The statistics page asks for the emailings of both systems at once.
  await page.getByRole('link', { name: 'Statistics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2);
  // Past every back-off of the policy: no refused read was tried again (a part of the page that mounts
  // later may still ask once), and still one prompt.
  await page.clock.fastForward(10_000);
  expect(refused.filter((path, i) => refused.indexOf(path) !== i)).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(1);

  await dialog.getByLabel('Access token').fill(DEMO_TOKEN);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('leaving a page aborts its slow request, and the new page shows no error', async ({ signedIn: page }) => {
  const { db } = await seedProfiles(page, ['slow@test.nl']);
  await leaveSignInPage(page);
  const held = gate();
  await interceptPath(page, `database/${db}/profiles`, async (route) => {
    await held.opened;
    await route.fallback().catch(() => {}); // the browser gave up on it already
  });
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().includes(`/api/v3/database/${db}/profiles`));
  await page.goto(`/databases/${db}/profiles`);
  await expect(page.locator('[aria-busy="true"]')).toBeVisible();
  await page.getByRole('link', { name: 'Emailings' }).click();
  expect((await aborted).failure()?.errorText).toBe('net::ERR_ABORTED');
  await expect(page.getByRole('heading', { name: 'Emailings', level: 1 })).toBeVisible();
  held.open();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
});

test('page 3 of a list failing shows its own error with Retry; the other pages stay usable', async ({ signedIn: page }) => {
  const { db, ids } = await seedProfiles(
    page,
    Array.from({ length: 60 }, (_, i) => `p${i}@test.nl`),
  );
  await leaveSignInPage(page);
  await page.clock.install();
  const isPage3 = (p: string, url: URL) =>
    p === `/api/v3/database/${db}/profiles` && url.searchParams.get('start') === '50' && url.searchParams.get('total') === 'false';
  const calls = await interceptPath(page, isPage3, (route) => errorAnswer(route, 503, 'Service Unavailable'));
  await page.goto(`/databases/${db}/profiles?limit=25&start=50`);
  await expect.poll(calls.count).toBe(1);
  for (const wait of [1200, 2400, 4800]) await page.clock.fastForward(wait);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Service unavailable');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(calls.count()).toBe(4);

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByRole('link', { name: ids[25], exact: true })).toBeVisible();
  await expect(alert).toHaveCount(0);
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByRole('link', { name: ids[0], exact: true })).toBeVisible();
});

test('a search typed "a" then "ab", with the "a" answer delayed, only ever shows the "ab" results', async ({ signedIn: page }) => {
  const { db, ids } = await seedProfiles(page, ['ann@test.nl', 'abby@test.nl', 'bob@test.nl']);
  const [ann, abby] = ids as [string, string, string];
  await page.goto(`/databases/${db}/profiles`);
  await expect(page.getByRole('link', { name: ann, exact: true })).toBeVisible();

  const held = gate();
  let settled = 0;
  await interceptPath(
    page,
    (p, url) => p === `/api/v3/database/${db}/profiles` && url.searchParams.getAll('fields[]').includes('email=~%a%'),
    async (route) => {
      await held.opened;
      await route.fallback().catch(() => {});
      settled++;
    },
  );
  const search = page.getByLabel('Search by e-mail or ID');
  await search.fill('a');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=a(&|$)/); // the box follows the URL: type on once it has
  await search.fill('ab');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=ab(&|$)/);
  await expect(page.getByRole('link', { name: abby, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: ann, exact: true })).toHaveCount(0);

  // From now on "ann" must never appear, not even for a moment when the late answer arrives.
  await page.evaluate((id) => {
    const w = window as unknown as { sawStale?: boolean };
    new MutationObserver(() => {
      if ([...document.querySelectorAll('a')].some((a) => a.textContent === id)) w.sawStale = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, ann);
  held.open();
  await expect.poll(() => settled).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('link', { name: abby, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawStale?: boolean }).sawStale ?? false)).toBe(false);
});

test('a slow 1000-row page: a skeleton where the table will be, and no jump when the rows arrive', async ({ signedIn: page }) => {
  // The demo database is the one with thousands of profiles.
  const list = (await (await page.request.get('/api/v3/databases', { headers: { 'X-Requested-With': 'orrery' } })).json()) as {
    data: { ID: string }[];
  };
  let demo = '';
  for (const { ID } of list.data) {
    const res = await page.request.get(`/api/v3/database/${ID}/profiles?limit=1&total=true&dataonly=true`, {
      headers: { 'X-Requested-With': 'orrery' },
    });
    if ((((await res.json()) as { total?: number }).total ?? 0) >= 1000) {
      demo = ID;
      break;
    }
  }
  expect(demo).not.toBe('');
  await leaveSignInPage(page);
  const held = gate();
  await interceptPath(
    page,
    (p, url) => p === `/api/v3/database/${demo}/profiles` && url.searchParams.get('limit') === '1000',
    async (route) => {
      await held.opened;
      await route.fallback();
    },
  );
  await page.goto(`/databases/${demo}/profiles?limit=1000`);
  const skeleton = page.getByRole('main').locator('[aria-busy="true"]');
  await expect(skeleton).toBeVisible();
  const search = page.getByLabel('Search by e-mail or ID');
  const before = { search: await search.boundingBox(), skeleton: await skeleton.boundingBox() };

  held.open();
  const table = page.getByRole('main').getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible(); // the table is virtual: only visible rows exist
  const after = { search: await search.boundingBox(), table: await table.boundingBox() };
  expect(after.search).toEqual(before.search);
  expect(Math.abs((after.table?.y ?? 0) - (before.skeleton?.y ?? 0))).toBeLessThanOrEqual(4);
});
