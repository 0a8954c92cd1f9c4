import { expect, test } from '../fixtures.ts';
import { AFTER_WRITE, countCalls, profileNow, seedDatabase } from './write-helpers.ts';

// Each test writes and waits for the shared server; under a full run that takes a while.
test.describe.configure({ timeout: 120_000 });

test('a PUT reset before it reached the server is sent again once by itself: one successful PUT, values saved', async ({
  signedIn: page,
}) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'reset@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  let resets = 0;
  await page.route(`**/api/v3/profile/${id}/fields`, (route) => {
    if (route.request().method() !== 'PUT' || resets > 0) return route.fallback();
    resets++;
    return route.abort('connectionreset');
  });
  await page.getByLabel('city', { exact: true }).fill('Haarlem');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  expect((await profileNow(page, id)).fields.city).toBe('Haarlem');
  expect(resets).toBe(1);
  expect(puts.sent).toBe(2); // the reset one and the automatic retry
  expect(puts.succeeded).toBe(1);
});

test('a PUT whose retries all fail shows the error and keeps the draft', async ({ signedIn: page }) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'down@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  await page.route(`**/api/v3/profile/${id}/fields`, (route) =>
    route.request().method() === 'PUT' ? route.abort('connectionreset') : route.fallback(),
  );
  const city = page.getByLabel('city', { exact: true });
  await city.fill('Zwolle');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Fields' }).getByRole('alert')).toBeVisible(AFTER_WRITE);
  await expect(city).toHaveValue('Zwolle');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  expect(puts.sent).toBe(2); // one try and one retry, no more
  expect(puts.succeeded).toBe(0);
  expect((await profileNow(page, id)).fields.city).toBe('Delft');
});
