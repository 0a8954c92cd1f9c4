import { expect as baseExpect, expectNoA11yViolations, test } from '../fixtures.ts';
import { interceptPath, leaveSignInPage, seedProfiles } from './reads-helpers.ts';

// A shared machine can be slow to render: generous waits for what must appear; what must not happen is checked exactly.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/** Answers that are not what the documentation promises fail inside the page that asked, never the whole app. */
const badAnswers = [
  { label: 'an HTML page', contentType: 'text/html', body: '<!doctype html><title>Proxy</title><p>Bad gateway</p>' },
  { label: 'truncated JSON', contentType: 'application/json', body: '{"start":0,"limit":100,"count":1,"data":[{"ID":"1","na' },
  { label: 'JSON of the wrong shape', contentType: 'application/json', body: '{"foo":1}' },
  { label: 'null', contentType: 'application/json', body: 'null' },
];

for (const bad of badAnswers) {
  test(`a 200 with ${bad.label} is an error inside the page; the shell and other pages keep working`, async ({ signedIn: page }) => {
    await leaveSignInPage(page);
    const calls = await interceptPath(page, 'databases', (route) =>
      route.fulfill({ status: 200, contentType: bad.contentType, body: bad.body }),
    );
    await page.goto('/databases');
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('The API answered in an unexpected shape.');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(calls.count()).toBe(1);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

    await page.getByRole('link', { name: 'Emailings' }).click();
    await expect(page).toHaveURL(/\/emailings$/);
    await expect(page.getByRole('heading', { name: 'Emailings', level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  });
}

test('a profile that does not exist: one request, a not-found view, and a way back to the list', async ({ signedIn: page }) => {
  const { db } = await seedProfiles(page, ['nobody@test.nl']);
  const missing = '987654321';
  const res = await page.request.get(`/api/v3/profile/${missing}`, { headers: { 'X-Requested-With': 'orrery' } });
  expect(res.status()).toBe(400); // Copernica's "404"
  await leaveSignInPage(page);
  const calls = await interceptPath(page, `profile/${missing}`, (route) => route.fallback());
  await page.goto(`/databases/${db}/profiles/${missing}`);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Not found');
  await expect(alert).toContainText('This item does not exist (any more).');
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  expect(calls.count()).toBe(1);
  await expectNoA11yViolations(page);
  await alert.getByRole('link', { name: 'Back' }).click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db}/profiles$`));
  expect(calls.count()).toBe(1);
});

test('a page whose code cannot be downloaded (offline) offers Retry inside the layout; back online it loads', async ({
  signedIn: page,
  context,
}) => {
  await page.goto('/databases');
  await expect(page.getByRole('heading', { name: 'Databases', level: 1 })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Statistics' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  const retry = main.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeDisabled();
  await page.mouse.move(640, 400); // off the navigation link just clicked: scan the view, not a hover state
  await expectNoA11yViolations(page);

  await context.setOffline(false);
  await expect(retry).toBeEnabled();
  await retry.click();
  await expect(page).toHaveURL(/\/statistics/);
  await expect(main.getByRole('heading', { name: 'This page could not be loaded' })).toHaveCount(0);
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
});
