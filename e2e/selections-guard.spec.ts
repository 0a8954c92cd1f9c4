import { apiGet, expect, test } from './fixtures.ts';

type Paged<T> = { data: T[] };

test('the selection editor asks before leaving with unsaved changes', async ({ signedIn: page }) => {
  const dbs = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?limit=100');
  const db = dbs.data.find((d) => d.name === 'Customers');
  expect(db).toBeDefined();
  await page.goto(`/databases/${db?.ID}/selections/new`);
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Not_saved_yet');

  await page.getByRole('link', { name: 'Databases' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/selections\/new$/);
  await expect(name).toHaveValue('Not_saved_yet');

  await page.getByRole('link', { name: 'Databases' }).first().click();
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/databases$/);
});

test('the condition picker works from the keyboard: type, then Enter takes the first match', async ({ signedIn: page }) => {
  const dbs = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?limit=100');
  const db = dbs.data.find((d) => d.name === 'Customers');
  await page.goto(`/databases/${db?.ID}/selections/new`);
  const picker = page.getByRole('combobox', { name: 'Add condition' });
  await picker.focus();
  await page.keyboard.type('city');
  await expect(page.getByRole('option', { name: /^city$/ }).first()).toBeVisible();
  // The first match is highlighted as the list filters; Enter takes it.
  await expect(async () => {
    await picker.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Field', exact: true }).first()).toHaveValue('city', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});
