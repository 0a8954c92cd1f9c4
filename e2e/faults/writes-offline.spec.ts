import { expect, expectNoA11yViolations, test } from '../fixtures.ts';
import { AFTER_WRITE, countCalls, profileNow, seedDatabase } from './write-helpers.ts';

// Each test writes and waits for the shared server; under a full run that takes a while.
test.describe.configure({ timeout: 120_000 });

test('offline, then Save: waits for the connection with the form locked and kept, then exactly one PUT', async ({
  signedIn: page,
  context,
}) => {
  const { db, id } = await seedDatabase(page, { profile: { email: 'offline@example.org', city: 'Delft' } });
  const puts = countCalls(page, 'PUT', `profile/${id}/fields`);
  await page.goto(`/databases/${db}/profiles/${id}`);
  const city = page.getByLabel('city', { exact: true });
  await city.fill('Offline city');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Waiting for the connection')).toBeVisible(AFTER_WRITE);
  await expect(city).toBeDisabled();
  await expect(city).toHaveValue('Offline city');
  // Closing or reloading the tab now would lose the save: the browser asks first.
  const prompted = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prompted).toBe(true);
  await expectNoA11yViolations(page);
  expect(puts.sent).toBe(0);

  await context.setOffline(false);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible(AFTER_WRITE);
  await expect(city).toBeEnabled();
  await expect(city).toHaveValue('Offline city');
  expect((await profileNow(page, id)).fields.city).toBe('Offline city');
  expect(puts.sent).toBe(1);
  expect(puts.succeeded).toBe(1);
});
