import { expect, expectNoA11yViolations, ORRERY, test } from '../fixtures.ts';
import { AFTER_WRITE, countCalls, profileNow, seedDatabase } from './write-helpers.ts';

// Each test writes and waits for the shared server; under a full run that takes a while.
test.describe.configure({ timeout: 120_000 });

/** "Sign in with Copernica" through the emulator's consent page, landing on `returnTo`. */
async function signInWithCopernica(page: import('@playwright/test').Page, start: () => Promise<unknown>) {
  await start();
  await expect(page).toHaveURL(/\/(en|nl)\/authorize\?/);
  await page.getByRole('button', { name: /allow|toestaan/i }).click();
}

test('an OAuth session that ends mid-edit: sign in with Copernica again, the draft comes back, one click saves once', async ({
  page,
  context,
}) => {
  await signInWithCopernica(page, () => page.goto('/auth/login?returnTo=%2Fdatabases'));
  await expect(page).toHaveURL(/\/databases$/);
  await expect(page.getByTestId('account-name')).toBeVisible({ timeout: 30_000 });
  expect(await (await page.request.get('/auth/session', { headers: ORRERY })).json()).toMatchObject({ method: 'oauth' });
  const { db, id } = await seedDatabase(page, { profile: { email: 'oauth@example.org', city: 'Gouda' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);

  await page.goto(`/databases/${db}/profiles/${id}`);
  const city = page.getByLabel('city', { exact: true });
  await city.fill('Draft city');
  await context.clearCookies(); // the session ends
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog.getByRole('link', { name: 'Sign in with Copernica' })).toBeVisible(AFTER_WRITE);
  await expectNoA11yViolations(page);

  // The dialog can be closed; the draft is still there, and the next try asks again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(city).toHaveValue('Draft city');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeVisible(AFTER_WRITE);
  expect(puts.sent).toBe(0);

  // Leaving for Copernica keeps this one draft in sessionStorage, and nothing else.
  await signInWithCopernica(page, () => dialog.getByRole('link', { name: 'Sign in with Copernica' }).click());
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles/${id}$`));
  await expect(city).toHaveValue('Draft city');
  await expect(page.getByText('Your unsaved changes are back')).toBeVisible(AFTER_WRITE);
  expect(await page.evaluate(() => Object.keys(sessionStorage))).not.toContain('orrery.draft');
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(storage).not.toContain(process.env.ORRERY_E2E_TOKEN ?? 'e2e-demo-token');
  expect(await page.evaluate(() => document.cookie)).not.toContain('orrery');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  expect((await profileNow(page, id)).fields.city).toBe('Draft city');
  expect(puts.sent).toBe(1);
  expect(puts.succeeded).toBe(1);
});
