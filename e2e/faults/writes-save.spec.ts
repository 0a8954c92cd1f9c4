import { expect, expectNoA11yViolations, ORRERY, test } from '../fixtures.ts';
import { AFTER_WRITE, countCalls, loseNextAnswer, profileNow, seedDatabase } from './write-helpers.ts';

// Each test writes and waits for the shared server; under a full run that takes a while.
test.describe.configure({ timeout: 120_000 });

const city = (page: import('@playwright/test').Page) => page.getByLabel('city', { exact: true });

test('Ctrl+S pressed twice on a profile form sends one PUT', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'keys@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await city(page).fill('Leiden');
  await city(page).press('Control+s');
  await city(page).press('Control+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  expect((await profileNow(page, id)).fields.city).toBe('Leiden');
  expect(puts.sent).toBe(1);
});

test('a save whose answer was lost, then Save again: no conflict about my own write, no second PUT', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'own@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await city(page).fill('Leiden');
  // Every attempt of this save is stored, and every answer is lost (also a retry, if the client makes one).
  await loseNextAnswer(page, 'PUT', `profile/${id}/fields`, 'reset');
  await loseNextAnswer(page, 'PUT', `profile/${id}/fields`, 'reset');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Fields' }).getByRole('alert')).toBeVisible(AFTER_WRITE);
  await expect(city(page)).toHaveValue('Leiden');
  expect((await profileNow(page, id)).fields.city).toBe('Leiden');
  const sentBefore = puts.sent;

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Your earlier save had arrived after all')).toBeVisible(AFTER_WRITE);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(city(page)).toHaveValue('Leiden');
  expect(puts.sent).toBe(sentBefore);
  await page.request.delete(
    `http://127.0.0.1:${process.env.ORRERY_E2E_EMULATOR_PORT}/__faults?access_token=${process.env.ORRERY_E2E_TOKEN}`,
  );
});

test('toggling an interest, then saving the form: no "changed by someone else", one PUT, both saved', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'toggle@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  const before = (await profileNow(page, id)).modified;
  await city(page).fill('Utrecht');
  const toggled = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/profile/${id}/interests`));
  await page.getByRole('switch', { name: 'golf' }).click();
  expect((await toggled).ok()).toBe(true);
  await expect.poll(async () => (await profileNow(page, id)).modified).not.toBe(before);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const saved = await profileNow(page, id);
  expect([saved.fields.city, saved.interests]).toEqual(['Utrecht', ['golf']]);
  expect(puts.sent).toBe(1);
});

test('someone else changing the record still opens the conflict dialog, and nothing is written until chosen', async ({
  signedIn: page,
}) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'other@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await city(page).fill('Mine');
  // Another user (the API directly, not this page) changes the e-mail.
  const res = await page.request.put(`/api/v3/profile/${id}/fields`, { headers: ORRERY, data: { email: 'theirs@example.org' } });
  expect(res.ok()).toBe(true);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
  await expect(dialog).toBeVisible(AFTER_WRITE);
  expect(puts.sent).toBe(0);
  await dialog.getByRole('button', { name: 'Save my changes over theirs' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  const saved = await profileNow(page, id);
  expect([saved.fields.city, saved.fields.email]).toEqual(['Mine', 'theirs@example.org']);
  expect(puts.sent).toBe(1);
});

test('a PUT answered 400 shows the message as text, keeps every typed value, one request', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'bad@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await page.route(`**/api/v3/profile/${id}/fields`, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ error: { message: '<b>City</b> is not allowed' } }),
        })
      : route.fallback(),
  );
  await city(page).fill('Rotterdam');
  await page.getByLabel('email', { exact: true }).fill('new@example.org');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = page.getByRole('form', { name: 'Fields' }).getByRole('alert');
  await expect(alert).toHaveText('<b>City</b> is not allowed'); // as text, not markup
  await expect(city(page)).toHaveValue('Rotterdam');
  await expect(page.getByLabel('email', { exact: true })).toHaveValue('new@example.org');
  expect(puts.sent).toBe(1);
  expect((await profileNow(page, id)).fields).toMatchObject({ city: 'Delft', email: 'bad@example.org' });
  await expectNoA11yViolations(page);
});

test('an interest toggle whose write fails with 500 flips back to the server value with a message', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'fail@example.org', city: 'Delft' } });
  const posts = countCalls(page, 'POST', `profile/${id}/interests`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await page.route(`**/api/v3/profile/${id}/interests`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { message: 'Internal error' } }) })
      : route.fallback(),
  );
  const golf = page.getByRole('switch', { name: 'golf' });
  await expect(golf).toBeVisible(AFTER_WRITE);
  await expect(golf).not.toBeChecked();
  await golf.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Internal error' })).toBeVisible(AFTER_WRITE);
  await expect(golf).not.toBeChecked();
  expect((await profileNow(page, id)).interests).toEqual([]);
  expect(posts.sent).toBe(1);
});

test('window blur and focus, and a background refetch, never overwrite what the user typed', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'focus@example.org', city: 'Delft' } });
  await page.goto(`/databases/${db}/profiles/${id}`);
  await city(page).fill('Typed');
  await page.request.put(`/api/v3/profile/${id}/fields`, { headers: ORRERY, data: { city: 'Server' } });
  await page.evaluate(() => {
    window.dispatchEvent(new Event('blur'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
  });
  // A refetch of the profile surely happens: an interest toggle invalidates it.
  const refetched = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`/api/v3/profile/${id}`));
  await page.getByRole('switch', { name: 'golf' }).click();
  await refetched;
  await expect(page.getByRole('switch', { name: 'golf' })).toBeChecked();
  await expect(city(page)).toHaveValue('Typed');
});
