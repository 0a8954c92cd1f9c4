import { apiGet, expect, expectNoA11yViolations, signIn, signInThroughPage, test } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };

test('signs in with the demo token and sees the demo databases from the API', async ({ page }) => {
  await page.goto('/databases');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdatabases/);
  await expectNoA11yViolations(page);

  await signInThroughPage(page, '/databases');
  await expect(page).toHaveURL(/\/databases$/);
  const databases = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases');
  expect(databases.count).toBeGreaterThan(0);
  for (const db of databases.data) {
    await expect(page.getByRole('link', { name: db.name, exact: true })).toHaveAttribute('href', `/databases/${db.ID}`);
  }
  const identity = await apiGet<{ name: string }>(page, 'identity');
  await expect(page.getByTestId('account-name')).toHaveText(identity.name);
  await expectNoA11yViolations(page);
});

test('a wrong token is refused with a clear message and nothing is stored', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Access token').fill('not-a-valid-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid access token');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain('not-a-valid-token');
});

test('the token never reaches browser storage, cookies in clear text, or the URL', async ({ page, context }) => {
  await signInThroughPage(page, '/databases');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(process.env.ORRERY_E2E_TOKEN ?? '');
  const cookies = await context.cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c.value).not.toContain(process.env.ORRERY_E2E_TOKEN ?? '');
    expect(c.httpOnly).toBe(true);
  }
  expect(page.url()).not.toContain(process.env.ORRERY_E2E_TOKEN ?? '');
});

test('Dutch and dark mode: the shell switches language and theme', async ({ page }) => {
  await signIn(page, '/databases');
  await page.getByText('NL', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Databases' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mailings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'Wissel tussen licht en donker thema' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoA11yViolations(page);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, '/databases');
  await page.getByTestId('account-menu').click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await expectNoA11yViolations(page); // with the menu open
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const res = await page.request.get('/api/v3/databases', { headers: { 'X-Requested-With': 'orrery' } });
  expect(res.status()).toBe(401);
});
