import type { Page } from '@playwright/test';
import { recordWrites, type Subprofile, seedDatabase, seedOrders, subprofilesOf } from './destructive-helpers.ts';
import { apiGet, expect, expectNoA11yViolations, ORRERY, signIn, test } from './fixtures.ts';

// Many steps each, on a shared machine: more time than the default, never a fixed sleep.
test.describe.configure({ timeout: 150_000 });

type Profile = { ID: string; removed: unknown };

/**
 * Stops the page's clock: the 5 s undo window only moves when the test says so (page.clock.runFor), however
 * slow the machine is. Query results wait for the clock too, so pages are loaded before pausing.
 */
async function pauseClock(page: Page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

test('profile delete: Undo sends nothing; otherwise exactly one DELETE after 5 s, naming the subprofiles it takes along', async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  const [pid] = (await seedOrders(page, db, coll, 1, 2)) as [string];
  const writes = recordWrites(page);
  const row = page.getByRole('link', { name: pid, exact: true });

  await page.goto(`/databases/${db}/profiles`); // the list is in the cache when the delete returns to it
  await row.click();
  await expect(page.getByRole('table', { name: 'Subprofiles in orders' }).getByRole('row')).toHaveCount(3);
  await pauseClock(page);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles$`));
  const bar = page.getByRole('region', { name: 'Pending deletions' });
  await expect(bar.getByTestId('pending-delete')).toHaveText(`Profile ${pid} and its 2 subprofiles will be deleted in 5 s.`);
  await expect(row).toBeHidden();
  await page.clock.runFor(2500);
  await bar.getByRole('button', { name: `Undo deleting Profile ${pid} and its 2 subprofiles` }).click();
  await expect(bar).toBeHidden();
  await page.clock.runFor(20_000);
  expect(writes).toEqual([]);
  await expect(row).toBeVisible();
  expect((await apiGet<Profile>(page, `profile/${pid}`)).removed).toBe(false);

  await page.clock.resume();
  await row.click();
  await expect(page.getByRole('table', { name: 'Subprofiles in orders' }).getByRole('row')).toHaveCount(3);
  await pauseClock(page);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bar.getByTestId('pending-delete')).toHaveText(`Profile ${pid} and its 2 subprofiles will be deleted in 5 s.`);
  await page.clock.runFor(4999);
  expect(writes).toEqual([]);
  await page.clock.runFor(1);
  await expect.poll(() => writes).toEqual([`DELETE profile/${pid}`]);
  await page.clock.resume();
  await expect(bar).toBeHidden();
  await expect.poll(async () => (await apiGet<Profile>(page, `profile/${pid}`)).removed).toBeTruthy();
  expect(await subprofilesOf(page, coll)).toEqual([]);
  expect(writes).toHaveLength(1);
});

test('subprofile delete: leaving the page sends the pending DELETE at once and only once; closing the tab sends it too', async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  const [pid] = (await seedOrders(page, db, coll, 1, 3)) as [string];
  const [first, second, third] = (await subprofilesOf(page, coll)) as [Subprofile, Subprofile, Subprofile];
  const writes = recordWrites(page);
  const table = page.getByRole('table', { name: 'Subprofiles in orders' });

  await page.goto(`/databases/${db}/profiles/${pid}`);
  await expect(table.getByRole('row')).toHaveCount(4, { timeout: 30_000 });
  await pauseClock(page);
  await page.getByRole('button', { name: `Delete ${first.ID}` }).click();
  await expect(page.getByTestId('pending-delete')).toHaveText(`Subprofile ${first.ID} will be deleted in 5 s.`);
  await expect(table.getByRole('row')).toHaveCount(3);
  expect(writes).toEqual([]);
  // Leave the page within the window: the delete goes out now, not after the window, and never twice.
  await page.getByRole('link', { name: 'Back to the profiles' }).click();
  await expect.poll(() => writes).toEqual([`DELETE subprofile/${first.ID}`]);
  await page.clock.runFor(20_000);
  expect(writes).toEqual([`DELETE subprofile/${first.ID}`]);
  await page.clock.resume();
  await expect.poll(async () => (await apiGet<Subprofile>(page, `subprofile/${first.ID}`)).removed).toBeTruthy();

  // Undo on the row: nothing sent, the row comes back.
  await page.goto(`/databases/${db}/profiles/${pid}`);
  await expect(table.getByRole('row')).toHaveCount(3);
  await pauseClock(page);
  await page.getByRole('button', { name: `Delete ${second.ID}` }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: `Undo deleting Subprofile ${second.ID}` }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.clock.runFor(20_000);
  expect(writes).toHaveLength(1);

  // A full page unload (reload, tab closed) still delivers it, once.
  await page.getByRole('button', { name: `Delete ${third.ID}` }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.clock.resume();
  await page.goto('/databases');
  await expect.poll(async () => (await apiGet<Subprofile>(page, `subprofile/${third.ID}`)).removed).toBeTruthy();
  // (A request sent by a document that is unloading is not reported to Playwright, so only its effect is checked
  // here; that it is sent once is covered by the queue's unit test.)
  expect((await apiGet<Subprofile>(page, `subprofile/${second.ID}`)).removed).toBe(false);
});

test('a DELETE that fails shows the API error; the bar speaks Dutch too', async ({ page }) => {
  await page.clock.install();
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  const [pid] = (await seedOrders(page, db, coll, 1, 1)) as [string];
  const [only] = (await subprofilesOf(page, coll)) as [Subprofile];
  const writes = recordWrites(page);

  await page.goto(`/databases/${db}/profiles/${pid}`);
  await page.getByText('NL', { exact: true }).click();
  const dutchTable = page.getByRole('table', { name: 'Subprofielen in orders' });
  await expect(dutchTable.getByRole('row')).toHaveCount(2);
  await pauseClock(page);
  await page.getByRole('button', { name: `Verwijderen ${only.ID}` }).click();
  await expect(page.getByTestId('pending-delete')).toHaveText(`Subprofiel ${only.ID} wordt over 5 s verwijderd.`);
  await page.getByRole('button', { name: `Verwijderen van Subprofiel ${only.ID} ongedaan maken` }).click();
  await expect(dutchTable.getByRole('row')).toHaveCount(2);
  await page.clock.resume();
  await page.getByText('EN', { exact: true }).click();

  const table = page.getByRole('table', { name: 'Subprofiles in orders' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await pauseClock(page);
  await page.getByRole('button', { name: `Delete ${only.ID}` }).click();
  await expect(table.getByRole('row')).toHaveCount(1); // the header only
  // Someone else removes it completely meanwhile: our DELETE now fails with the API's message.
  const gone = await page.request.delete(`/api/v3/subprofile/${only.ID}`, { headers: ORRERY, data: { completely: 'Yes' } });
  expect(gone.status()).toBe(204);
  await page.clock.runFor(5000);
  await page.clock.resume();
  await expect(page.getByRole('alert')).toContainText(`Subprofile ${only.ID} was not deleted: No subprofile with supplied ID`);
  expect(writes).toEqual([`DELETE subprofile/${only.ID}`]);
  await expectNoA11yViolations(page);
});
