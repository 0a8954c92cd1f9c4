import type { Page } from '@playwright/test';
import { apiCreate, apiGet, expect, expectNoA11yViolations, ORRERY, signIn, test, uniqueName } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };
type Profile = { ID: string; fields: Record<string, string>; interests: string[]; modified: string; removed: false | string };

const H = ORRERY;
const unique = uniqueName;

const post = apiCreate;

/** A fresh database of our own: email, city, age fields, an interest group, a collection with fields. */
async function seedDatabase(page: Page, profiles: number) {
  const db = await post(page, 'databases', { name: unique('E2E_profiles') });
  await post(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  await post(page, `database/${db}/fields`, { name: 'city', type: 'text', displayed: true });
  await post(page, `database/${db}/fields`, { name: 'age', type: 'integer', value: '0', displayed: true });
  await post(page, `database/${db}/interests`, { name: 'golf', group: 'sports' });
  await post(page, `database/${db}/interests`, { name: 'chess', group: 'games' });
  const coll = await post(page, `database/${db}/collections`, { name: 'orders' });
  await post(page, `collection/${coll}/fields`, { name: 'order_id', type: 'text' });
  await post(page, `collection/${coll}/fields`, { name: 'amount', type: 'float', value: '0' });
  const ids: string[] = [];
  for (let i = 0; i < profiles; i += 10) {
    const batch = Array.from({ length: Math.min(10, profiles - i) }, (_, j) =>
      post(page, `database/${db}/profiles`, {
        fields: { email: `p${i + j}@example.org`, city: (i + j) % 2 ? 'Delft' : 'Gouda', age: String(20 + ((i + j) % 50)) },
      }),
    );
    ids.push(...(await Promise.all(batch)));
  }
  return { db, coll, ids };
}

test('profiles table: first rows, lazy total, sort, filter, quick search, columns, URL state and links', async ({ page }) => {
  await signIn(page);
  const { db } = await seedDatabase(page, 30);
  await page.goto(`/databases/${db}/profiles`);
  await expect(page.getByRole('link', { name: /^\d+$/ }).first()).toBeVisible();
  await expect(page.getByTestId('profiles-total')).toHaveText(/30 profiles/);
  await expectNoA11yViolations(page);

  // Sort by age, descending on the second click; the URL carries it.
  await page.getByRole('button', { name: 'age', exact: true }).click();
  await expect(page).toHaveURL(/orderby=age/);
  await page.getByRole('button', { name: 'age', exact: true }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.getByRole('columnheader', { name: 'age' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('row').nth(1)).toContainText('49');

  // Filter: city == Delft AND age >= 40 → the count comes from the API.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const first = page.getByRole('group', { name: 'Condition 1' });
  await first.getByLabel('Field').selectOption('city');
  await first.getByLabel('Value').fill('Delft');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const second = page.getByRole('group', { name: 'Condition 2' });
  await second.getByLabel('Field').selectOption('age');
  await second.getByLabel('Operator').selectOption('>=');
  await second.getByLabel('Value').fill('40');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/f=city%3D%3DDelft&f=age%3E%3D40/);
  const expected = await apiGet<Paged<Profile>>(
    page,
    `database/${db}/profiles?fields[]=${encodeURIComponent('city==Delft')}&fields[]=${encodeURIComponent('age>=40')}&limit=1`,
  );
  await expect(page.getByTestId('profiles-total')).toHaveText(new RegExp(`${expected.total} profiles`));
  await expectNoA11yViolations(page);

  // Back restores the unfiltered list.
  await page.goBack();
  await expect(page).not.toHaveURL(/f=/);
  await expect(page.getByTestId('profiles-total')).toHaveText(/30 profiles/);

  // Quick search by e-mail, then by ID; the row opens through a real link.
  await page.getByLabel('Search by e-mail or ID').fill('p7@');
  await page.getByLabel('Search by e-mail or ID').press('Enter');
  await expect(page.getByTestId('profiles-total')).toHaveText(/1 profile/);
  const link = page.getByRole('link', { name: /^\d+$/ });
  await expect(link).toHaveCount(1);
  const id = (await link.textContent()) ?? '';
  expect(await link.getAttribute('href')).toBe(`/databases/${db}/profiles/${id}`);

  // Column chooser: hide "city"; remembered after a reload.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'city' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'city' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'email' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'city' })).toHaveCount(0);

  await link.click();
  await expect(page.getByRole('heading', { name: `Profile ${id}` })).toBeVisible();
});

test('page size 1000 on the big demo database renders only the visible rows', async ({ page }) => {
  await signIn(page);
  const dbs = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases');
  const customers = dbs.data.find((d) => d.name === 'Customers');
  await page.goto(`/databases/${customers?.ID}/profiles?limit=1000`);
  await expect(page.getByRole('link', { name: /^\d+$/ }).first()).toBeVisible();
  const links = await page.getByRole('link', { name: /^\d+$/ }).count();
  expect(links).toBeGreaterThan(5);
  expect(links).toBeLessThan(100); // virtualised: not 1000 rows in the DOM
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/start=1000/);
});

test('profile page: edit fields, conflict check, unsaved guard, interests, subprofiles, history, delete', async ({ page }) => {
  test.slow(); // many steps, and the delete now waits out its 5 s undo window
  await signIn(page);
  const { db, coll, ids } = await seedDatabase(page, 1);
  const id = ids[0] as string;
  await page.goto(`/databases/${db}/profiles/${id}`);
  await expect(page.getByRole('heading', { name: `Profile ${id}` })).toBeVisible();
  await expect(page.getByLabel('age', { exact: true })).toHaveAttribute('type', 'number');
  await expectNoA11yViolations(page);

  // Plain save
  await page.getByLabel('city', { exact: true }).fill('Leiden');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await apiGet<Profile>(page, `profile/${id}`)).fields.city).toBe('Leiden');

  // Someone else changes the profile meanwhile: both values are shown, the user keeps theirs.
  await page.getByLabel('city', { exact: true }).fill('Utrecht');
  // `modified` has one-second resolution: the other change lands in a later second than the saved one.
  const savedSecond = Math.floor(Date.now() / 1000);
  await expect.poll(() => Math.floor(Date.now() / 1000), { intervals: [100] }).toBeGreaterThan(savedSecond);
  const other = await page.request.put(`/api/v3/profile/${id}/fields`, { headers: H, data: { city: 'Zwolle' } });
  expect(other.status()).toBe(204);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
  await expect(dialog).toContainText('Utrecht');
  await expect(dialog).toContainText('Zwolle');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Save my changes over theirs' }).click();
  await expect.poll(async () => (await apiGet<Profile>(page, `profile/${id}`)).fields.city).toBe('Utrecht');

  // Unsaved changes: leaving asks first.
  await page.getByLabel('city', { exact: true }).fill('Breda');
  await page.getByRole('link', { name: 'Fields', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Unsaved changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByLabel('city', { exact: true })).toHaveValue('Breda');
  await page.getByRole('button', { name: 'Undo changes' }).click();

  // Interests as grouped toggles
  await page.getByRole('switch', { name: 'golf' }).click();
  await expect.poll(async () => (await apiGet<string[]>(page, `profile/${id}/interests`)).map((n) => n.toLowerCase())).toEqual(['golf']);

  // Subprofiles: create, edit, delete
  await page.getByRole('button', { name: 'Add to orders' }).click();
  await page.getByRole('dialog').getByLabel('order_id', { exact: true }).fill('A-1');
  await page.getByRole('dialog').getByLabel('amount', { exact: true }).fill('12.5');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'A-1' })).toBeVisible();
  const subs = await apiGet<Paged<{ ID: string; fields: Record<string, string> }>>(page, `profile/${id}/subprofiles/${coll}`);
  expect(subs.data.map((s) => s.fields)).toEqual([{ order_id: 'A-1', amount: '12.5' }]);
  const sid = subs.data[0]?.ID as string;
  await page.getByRole('button', { name: `Edit ${sid}` }).click();
  await page.getByRole('dialog').getByLabel('amount', { exact: true }).fill('20');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await apiGet<{ fields: Record<string, string> }>(page, `subprofile/${sid}`)).fields.amount).toBe('20');
  await expectNoA11yViolations(page);

  // Subprofile page
  await page.getByRole('link', { name: sid, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Subprofile ${sid}` })).toBeVisible();
  await page.getByLabel('order_id', { exact: true }).fill('A-2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await apiGet<{ fields: Record<string, string> }>(page, `subprofile/${sid}`)).fields.order_id).toBe('A-2');
  await expectNoA11yViolations(page);
  // Undoable delete: back to the profile at once, the DELETE follows when the undo window ends.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: `Profile ${id}` })).toBeVisible();
  await expect.poll(async () => (await apiGet<{ removed: unknown }>(page, `subprofile/${sid}`)).removed, { timeout: 15_000 }).toBeTruthy();

  // Emailing history answers with a list, an empty state or a calm note, never a broken page.
  await expect(page.getByText(/No emailings were sent|could not be loaded|Subject/).first()).toBeVisible();

  // Delete with undo: back to the list at once, the DELETE follows when the undo window ends.
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles$`));
  await expect.poll(async () => (await apiGet<Profile>(page, `profile/${id}`)).removed, { timeout: 15_000 }).toBeTruthy();
});

test('create a profile', async ({ page }) => {
  await signIn(page);
  const { db } = await seedDatabase(page, 0);
  await page.goto(`/databases/${db}/profiles`);
  await expect(page.getByText('This database has no profiles yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New profile' }).click();
  await page.getByLabel('email', { exact: true }).fill('new@example.org');
  await page.getByLabel('age', { exact: true }).fill('33');
  await page.getByLabel('sports · golf').check();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { name: /^Profile \d+$/ })).toBeVisible();
  const list = await apiGet<Paged<Profile>>(page, `database/${db}/profiles`);
  expect(list.data.map((p) => [p.fields.email, p.fields.age, p.interests])).toEqual([['new@example.org', '33', ['golf']]]);
});

test('bulk update by filter: dry run, typed confirmation above 100, progress', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const { db } = await seedDatabase(page, 104);

  // All 104: typed confirmation needed.
  await page.goto(`/databases/${db}/profiles`);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Update all matches' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Field to set').selectOption('age');
  await dialog.getByLabel('New value').fill('99');
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('104 profiles match');
  await expectNoA11yViolations(page);
  const run = dialog.getByRole('button', { name: /Run on 104 profiles/ });
  await expect(run).toBeDisabled();
  await dialog.getByLabel('Type 104 to confirm').fill('104');
  await run.click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Done: 104 profiles');
  const all = await apiGet<Paged<Profile>>(page, `database/${db}/profiles?limit=1000`);
  expect(new Set(all.data.map((p) => p.fields.age))).toEqual(new Set(['99']));
  await dialog.getByRole('button', { name: 'Close' }).last().click();
});

test('bulk delete by filter: no typed confirmation at or below 100', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  // DELETE database/$id/profiles carries a JSON body (docs/api/databases.md §6), which the gateway must forward.
  const { db } = await seedDatabase(page, 104);
  const delft = `database/${db}/profiles?fields[]=${encodeURIComponent('city==Delft')}&limit=1000`;
  const dialog = page.getByRole('dialog');

  // Delete the 52 in Delft.
  await page.goto(`/databases/${db}/profiles?f=${encodeURIComponent('city==Delft')}`);
  await expect(page.getByTestId('profiles-total')).toHaveText(/52 profiles/);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete all matches' }).click();
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('52 profiles match');
  await dialog.getByRole('button', { name: /Run on 52 profiles/ }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Done: 52 profiles');
  expect((await apiGet<Paged<Profile>>(page, delft)).count).toBe(0);
  expect((await apiGet<Paged<Profile>>(page, `database/${db}/profiles?limit=1000`)).count).toBe(52);
});
