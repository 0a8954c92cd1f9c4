import type { Page } from '@playwright/test';
import { apiCreate, apiGet, expect, expectNoA11yViolations, ORRERY, signIn, test, uniqueName } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };
type Subprofile = { ID: string; profile: string; fields: Record<string, string> };
type Profile = { ID: string; secret: string; modified: string };

/** A database of our own with a collection `orders` (order_id, status) and `perProfile` orders per profile. */
async function seedOrders(page: Page, profiles: number, perProfile: number) {
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_bulk') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  const coll = await apiCreate(page, `database/${db}/collections`, { name: 'orders' });
  await apiCreate(page, `collection/${coll}/fields`, { name: 'order_id', type: 'text' });
  await apiCreate(page, `collection/${coll}/fields`, { name: 'status', type: 'text' });
  const ids: string[] = [];
  for (let p = 0; p < profiles; p++) {
    const pid = await apiCreate(page, `database/${db}/profiles`, { fields: { email: `b${p}@example.org` } });
    ids.push(pid);
    for (let i = 0; i < perProfile; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, perProfile - i) }, (_, j) =>
          apiCreate(page, `profile/${pid}/subprofiles/${coll}`, { order_id: `P${p}-${i + j}`, status: (i + j) % 2 ? 'old' : 'new' }),
        ),
      );
    }
  }
  return { db, coll, profiles: ids };
}

test('collection bulk update: dry run, typed confirmation above 100, progress, result through the API', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page);
  const { db, coll } = await seedOrders(page, 3, 35);

  await page.goto(`/databases/${db}/collections/${coll}`);
  await page.getByRole('button', { name: 'Update matching subprofiles' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('No filter: every subprofile in the collection')).toBeVisible();
  await dialog.getByLabel('Field to set').selectOption('status');
  await dialog.getByLabel('New value').fill('shipped');
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('105 subprofiles match');
  await expect(dialog.getByRole('table', { name: 'First matches' }).getByRole('row')).toHaveCount(6);
  await expectNoA11yViolations(page);
  const run = dialog.getByRole('button', { name: /Run on 105 subprofiles/ });
  await expect(run).toBeDisabled();
  await dialog.getByLabel('Type 105 to confirm').fill('105');
  await run.click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Done: 105 subprofiles');
  const all = await apiGet<Paged<Subprofile>>(page, `collection/${coll}/subprofiles?limit=1000`);
  expect(all.count).toBe(105);
  expect(new Set(all.data.map((s) => s.fields.status))).toEqual(new Set(['shipped']));
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
});

test('profile code (secret): shown, saved through PUT profile/$id, API error shown with the draft kept', async ({ page }) => {
  await signIn(page);
  const { db, profiles } = await seedOrders(page, 2, 0);
  const [gone, kept] = profiles as [string, string];

  const before = await apiGet<Profile>(page, `profile/${kept}`);
  await page.goto(`/databases/${db}/profiles/${kept}`);
  const code = page.getByLabel('Code (secret)');
  await expect(code).toHaveValue(before.secret);
  await code.fill('club-2024-ab');
  await page.getByRole('button', { name: 'Save code' }).click();
  await expect(page.getByRole('button', { name: 'Save code' })).toBeDisabled(); // also while the save runs
  await expect.poll(async () => (await apiGet<Profile>(page, `profile/${kept}`)).secret).toBe('club-2024-ab');
  const after = await apiGet<Profile>(page, `profile/${kept}`);
  expect(after.modified).toBe(before.modified); // a secret change never touches `modified` (docs/api/databases.md §6)
  await expect(code).toHaveValue('club-2024-ab');
  await expectNoA11yViolations(page);

  // A real API error: the profile is deleted completely while the page is open.
  await page.goto(`/databases/${db}/profiles/${gone}`);
  await page.getByLabel('Code (secret)').fill('draft-stays');
  const del = await page.request.delete(`/api/v3/profile/${gone}`, { headers: ORRERY, data: { completely: 'Yes' } });
  expect(del.status()).toBe(204);
  await page.getByRole('button', { name: 'Save code' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The code was not saved' });
  await expect(alert).toContainText('supplied ID');
  await expect(page.getByLabel('Code (secret)')).toHaveValue('draft-stays');
});

test('subprofiles of a profile: update or create by filter, with a dry run first', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const { db, coll, profiles } = await seedOrders(page, 2, 4);
  const [mine, other] = profiles as [string, string];
  const ofProfile = async (pid: string) =>
    (await apiGet<Paged<Subprofile>>(page, `profile/${pid}/subprofiles/${coll}?limit=100`)).data
      .map((s) => `${s.fields.order_id}:${s.fields.status}`)
      .sort();

  await page.goto(`/databases/${db}/profiles/${mine}`);
  await page.getByRole('button', { name: 'Update or create in orders' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Add at least one condition: the API requires a filter.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Dry run' })).toBeDisabled();

  // Update: status==new → done, only within this profile.
  await dialog.getByLabel('Field', { exact: true }).selectOption('status');
  await dialog.getByLabel('Value', { exact: true }).fill('new');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.getByLabel('Field to set').selectOption('status');
  await dialog.getByLabel('New value').fill('done');
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('2 subprofiles match');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Update 2 subprofiles' }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Updated 2 subprofiles');
  expect(await ofProfile(mine)).toEqual(['P0-0:done', 'P0-1:old', 'P0-2:done', 'P0-3:old']);
  expect(await ofProfile(other)).toEqual(['P1-0:new', 'P1-1:old', 'P1-2:new', 'P1-3:old']);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // No match + create: one new subprofile from the values.
  await page.getByRole('button', { name: 'Update or create in orders' }).click();
  await dialog.getByLabel('Field', { exact: true }).selectOption('order_id');
  await dialog.getByLabel('Value', { exact: true }).fill('P0-9');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.getByLabel('Field to set').selectOption('order_id');
  await dialog.getByLabel('New value').fill('P0-9');
  await dialog.getByRole('button', { name: 'Add a field' }).click();
  await dialog.getByLabel('Field to set').nth(1).selectOption('status');
  await dialog.getByLabel('New value').nth(1).fill('fresh');
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('No subprofile of this profile matches.');
  await expect(dialog.getByText('A new subprofile will be created with these values.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create subprofile' }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText(/^Created subprofile \d+$/);
  expect(await ofProfile(mine)).toEqual(['P0-0:done', 'P0-1:old', 'P0-2:done', 'P0-3:old', 'P0-9:fresh']);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByRole('table', { name: 'Subprofiles in orders' }).getByText('P0-9')).toBeVisible();
});
