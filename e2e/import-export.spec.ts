import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { apiCreate, apiGet, expect, expectNoA11yViolations, ORRERY, signIn, test, uniqueName } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };
type Profile = { ID: string; fields: Record<string, string> };

const _H = ORRERY;
const unique = uniqueName;

const post = apiCreate;

async function seed(page: Page, profiles: number) {
  const db = await post(page, 'databases', { name: unique('E2E_csv') });
  await post(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true, index: true });
  await post(page, `database/${db}/fields`, { name: 'firstname', type: 'text', displayed: true });
  await post(page, `database/${db}/fields`, { name: 'age', type: 'integer', value: '0', displayed: true });
  for (let i = 0; i < profiles; i += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, profiles - i) }, (_, j) =>
        post(page, `database/${db}/profiles`, { fields: { email: `u${i + j}@example.org`, firstname: `U${i + j}`, age: String(i + j) } }),
      ),
    );
  return db;
}

test('CSV export of the filtered set, with progress, matches the API', async ({ page }) => {
  await signIn(page);
  const db = await seed(page, 25);
  await page.goto(`/databases/${db}/profiles?f=${encodeURIComponent('age>=10')}`);
  await expect(page.getByTestId('profiles-total')).toHaveText(/15 profiles/);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Export CSV' }).click();
  await expect(page.getByRole('dialog')).toContainText('15 profiles to export');
  await expectNoA11yViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Start export' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toBe('ID,email,firstname,age,interests,modified');
  const api = await apiGet<Paged<Profile>>(page, `database/${db}/profiles?fields[]=${encodeURIComponent('age>=10')}&limit=1000`);
  expect(lines.length - 1).toBe(api.count);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual(api.data.map((p) => p.ID).sort());
  await expect(page.getByRole('dialog')).toContainText('15 profiles exported');
});

test('CSV import: mapping, key field, dry run with creates, updates and bad values, then a report', async ({ page }) => {
  await signIn(page);
  const db = await seed(page, 3);
  await page.goto(`/databases/${db}/import`);
  await expectNoA11yViolations(page);
  const csv = [
    'Mail,Voornaam,Leeftijd,Notes',
    'u1@example.org,Updated,50,x',
    'new1@example.org,New,20,y',
    'bad@example.org,Bad,forty,z',
    ',NoKey,1,',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('4 rows read from people.csv')).toBeVisible();
  await page.getByLabel('Field: Mail').selectOption('email');
  await page.getByLabel('Field: Voornaam').selectOption('firstname');
  await page.getByLabel('Field: Leeftijd').selectOption('age');
  await page.getByLabel('Key field (update-or-create)').selectOption('email');
  await page.getByRole('button', { name: 'Dry run' }).click();
  const summary = page.getByTestId('dry-run-summary');
  await expect(summary).toContainText('1 to create');
  await expect(summary).toContainText('1 to update');
  await expect(summary).toContainText('2 with bad values');
  await expect(page.getByRole('table', { name: 'Rows with problems' })).toContainText('Enter a whole number');
  await expectNoA11yViolations(page);
  // Nothing written by the dry run.
  expect((await apiGet<Paged<Profile>>(page, `database/${db}/profiles`)).count).toBe(3);

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('Import finished: 1 created, 1 updated, 0 failed');
  const after = await apiGet<Paged<Profile>>(page, `database/${db}/profiles?limit=100`);
  const byEmail = Object.fromEntries(after.data.map((p) => [p.fields.email, p.fields]));
  expect(after.count).toBe(4);
  expect(byEmail['u1@example.org']).toMatchObject({ firstname: 'Updated', age: '50' });
  expect(byEmail['new1@example.org']).toMatchObject({ firstname: 'New', age: '20' });
  expect(byEmail['bad@example.org']).toBeUndefined();
});

test('command palette: Ctrl+K jumps to a database, a profile by ID, and shows the shortcuts', async ({ page }) => {
  await signIn(page);
  const db = await seed(page, 1);
  const [profile] = (await apiGet<Paged<Profile>>(page, `database/${db}/profiles`)).data;
  const name = (await apiGet<{ name: string }>(page, `database/${db}`)).name;
  await page.goto('/databases');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder('Database, profile ID, e-mail or page…');
  await expect(search).toBeVisible();
  await search.fill(name);
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles`));

  await page.keyboard.press('Control+k');
  await search.fill(profile?.ID ?? '');
  await expectNoA11yViolations(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles/${profile?.ID}$`));
  await expect(page.getByRole('heading', { name: `Profile ${profile?.ID}` })).toBeVisible();

  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoA11yViolations(page);
});
