import { expect, expectNoA11yViolations, test } from '../fixtures.ts';
import { AFTER_WRITE, countCalls, loseNextAnswer, profilesOf, seedDatabase } from './write-helpers.ts';

// Each test writes and waits for the shared server; under a full run that takes a while.
test.describe.configure({ timeout: 120_000 });

test('a double click on "Create profile" creates exactly one profile and opens it', async ({ signedIn: page }) => {
  const { db } = await seedDatabase(page);
  const posts = countCalls(page, 'POST', `database/${db}/profiles`);
  await page.goto(`/databases/${db}/profiles/new`);
  await page.getByLabel('email', { exact: true }).fill('double@example.org');
  const button = page.getByRole('button', { name: 'Create profile' });
  const box = await button.boundingBox();
  if (!box) throw new Error('no button');
  // A real double click at the button's place: the second click must not depend on the button being enabled.
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('heading', { name: /^Profile \d+$/ })).toBeVisible(AFTER_WRITE);
  const profiles = await profilesOf(page, db);
  expect(profiles.map((p) => p.fields.email)).toEqual(['double@example.org']);
  expect(page.url()).toMatch(new RegExp(`/databases/${db}/profiles/${profiles[0]?.ID}$`));
  expect(posts.sent).toBe(1);
});

test('a second click right after the create succeeded makes no second (blank) profile', async ({ signedIn: page }) => {
  const { db } = await seedDatabase(page);
  const posts = countCalls(page, 'POST', `database/${db}/profiles`);
  await page.goto(`/databases/${db}/profiles/new`);
  await page.getByLabel('email', { exact: true }).fill('spaced@example.org');
  await page.getByLabel('city', { exact: true }).fill('Delft');
  const button = page.getByRole('button', { name: 'Create profile' });
  const box = await button.boundingBox();
  if (!box) throw new Error('no button');
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/database/${db}/profiles`));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await created;
  // The answer is in: click again where the button was, as an impatient user would.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('heading', { name: /^Profile \d+$/ })).toBeVisible(AFTER_WRITE);
  await expect(page.getByLabel('email', { exact: true })).toHaveValue('spaced@example.org');
  const profiles = await profilesOf(page, db);
  expect(profiles.map((p) => [p.fields.email, p.fields.city])).toEqual([['spaced@example.org', 'Delft']]);
  expect(posts.sent).toBe(1);
});

test('a create whose answer was lost after it was stored: no second POST, "it was created — open it"', async ({ signedIn: page }) => {
  const { db } = await seedDatabase(page);
  const posts = countCalls(page, 'POST', `database/${db}/profiles`);
  await page.goto(`/databases/${db}/profiles/new`);
  await page.getByLabel('email', { exact: true }).fill('lost@example.org');
  await page.getByLabel('city', { exact: true }).fill('Gouda');
  await loseNextAnswer(page, 'POST', `database/${db}/profiles`);
  await page.getByRole('button', { name: 'Create profile' }).click();

  const stored = page.getByRole('status').filter({ hasText: 'It was created after all' });
  await expect(stored).toBeVisible(AFTER_WRITE);
  const profiles = await profilesOf(page, db);
  expect(profiles.map((p) => p.fields.email)).toEqual(['lost@example.org']);
  await expect(stored).toContainText(`ID ${profiles[0]?.ID}`);
  // Creating again would be the duplicate: the button says no; the typed values are still there.
  await expect(page.getByRole('button', { name: 'Create profile' })).toBeDisabled();
  await expect(page.getByLabel('city', { exact: true })).toHaveValue('Gouda');
  await expectNoA11yViolations(page);
  expect(posts.sent).toBe(1);

  await stored.getByRole('link', { name: 'Open it' }).click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles/${profiles[0]?.ID}$`));
  await expect(page.getByLabel('email', { exact: true })).toHaveValue('lost@example.org');
  expect((await profilesOf(page, db)).length).toBe(1);
});

test('a create that never reached the server: "it was not created — try again" with the draft kept, then one profile', async ({
  signedIn: page,
}) => {
  const { db } = await seedDatabase(page);
  const posts = countCalls(page, 'POST', `database/${db}/profiles`);
  await page.goto(`/databases/${db}/profiles/new`);
  await page.getByLabel('email', { exact: true }).fill('retry@example.org');
  await page.getByLabel('sports · golf').check();
  // The connection drops before the request arrives: nothing is stored.
  await page.route(`**/api/v3/database/${db}/profiles`, (route) =>
    route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback(),
  );
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'It was not created' })).toBeVisible(AFTER_WRITE);
  await expect(page.getByLabel('email', { exact: true })).toHaveValue('retry@example.org');
  await expect(page.getByLabel('sports · golf')).toBeChecked();
  expect(await profilesOf(page, db)).toEqual([]);
  await expectNoA11yViolations(page);

  await page.unroute(`**/api/v3/database/${db}/profiles`);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { name: /^Profile \d+$/ })).toBeVisible(AFTER_WRITE);
  const profiles = await profilesOf(page, db);
  expect(profiles.map((p) => [p.fields.email, p.interests])).toEqual([['retry@example.org', ['golf']]]);
  expect(posts.sent).toBe(2); // the one that never arrived, and the one the user asked for
});

test('leaving the profile create form with typed values asks first', async ({ signedIn: page }) => {
  const { db } = await seedDatabase(page);
  await page.goto(`/databases/${db}/profiles/new`);
  await page.getByLabel('city', { exact: true }).fill('Leiden');
  await page.getByRole('link', { name: /Back to the profiles/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(AFTER_WRITE);
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: /Stay/ }).click();
  await expect(page.getByLabel('city', { exact: true })).toHaveValue('Leiden');
  expect(await profilesOf(page, db)).toEqual([]);
});
