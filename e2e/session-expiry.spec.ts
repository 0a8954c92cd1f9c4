import { apiCreate, DEMO_TOKEN, expect, expectNoA11yViolations, ORRERY, signIn, test } from './fixtures.ts';

const H = ORRERY;

test('a session that ends mid-edit: sign in again in place, the unsaved input is kept and then saved', async ({ page, context }) => {
  await signIn(page);
  // A database of our own with one text field and one profile.
  const name = `E2E_expiry_${Date.now().toString(36)}`;
  const created = (path: string, data: unknown) => apiCreate(page, path, data);
  const db = await created('databases', { name });
  await created(`database/${db}/fields`, { name: 'city', type: 'text', displayed: true });
  const id = await created(`database/${db}/profiles`, { fields: { city: 'Gouda' } });

  await page.goto(`/databases/${db}/profiles/${id}`);
  await page.getByLabel('city', { exact: true }).fill('Draft city');

  // The session ends (expired cookie, revoked token): the next API call answers 401.
  await context.clearCookies();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);

  await dialog.getByLabel('Access token').fill(DEMO_TOKEN);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles/${id}$`));
  await expect(page.getByLabel('city', { exact: true })).toHaveValue('Draft city');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/v3/profile/${id}`, { headers: H });
      return ((await res.json()) as { fields: { city: string } }).fields.city;
    })
    .toBe('Draft city');
});

test('opening a page without a session leads to sign-in and back to that page', async ({ page }) => {
  await page.goto('/databases?start=0');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdatabases%3Fstart%3D0/);
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/databases\?start=0$/);
});
