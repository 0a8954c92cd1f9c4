import type { Response } from '@playwright/test';
import { apiGet, expect, expectNoA11yViolations, ORRERY, test, uniqueName } from './fixtures.ts';

/**
 * A selection from a template: its sentence and live count before it exists, the same count from the API after it
 * is created, and no scratch selection (the live count's temporary view) left once the editors are closed.
 */
type Paged<T> = { data: T[]; total?: number; count: number };

test('create a selection from a template; its count is the API’s; no scratch selection is left behind', async ({ signedIn: page }) => {
  const dbs = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?limit=100');
  const db = dbs.data.find((d) => d.name === 'Customers');
  if (!db) throw new Error('demo database Customers missing');

  // Every scratch selection this page creates: POST …/views whose name marks it as one (answer: 201 + X-Created).
  const scratches: string[] = [];
  page.on('response', (res: Response) => {
    const req = res.request();
    if (req.method() !== 'POST' || !/\/api\/v3\/(database|view)\/\d+\/views$/.test(new URL(req.url()).pathname)) return;
    const body = req.postDataJSON() as { name?: string } | null;
    const id = res.headers()['x-created'];
    if (body?.name?.startsWith('orrery_scratch_') && id) scratches.push(id);
  });

  await page.goto(`/databases/${db.ID}/selections`);
  await page.getByRole('link', { name: 'From a template' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New selection from a template');
  await expect(page.getByTestId('template-engaged')).toBeVisible();
  // The database's sections stay in view, Selections marked as the current one.
  const sections = page.getByRole('navigation', { name: 'Database sections' });
  await expect(sections.getByRole('link', { name: 'Selections' })).toHaveAttribute('aria-current', 'page');
  expect(await page.getByRole('radio').count()).toBeGreaterThanOrEqual(8);

  // "Top by a number": the first numeric field (loyalty_points) is proposed; ask for the top 25.
  await page.getByTestId('template-topN').click();
  await expect(page.getByRole('combobox', { name: 'Numeric field (highest first)' })).toHaveValue('loyalty_points');
  await page.getByRole('textbox', { name: 'How many profiles' }).fill('25');
  await expect(page.getByTestId('selection-sentence')).toHaveText(/within items -0 to \+25, sorted by loyalty_points/);
  const count = page.getByTestId('live-count');
  await expect(count).toHaveAttribute('data-pending', 'false', { timeout: 20_000 });
  await expect(count).toHaveText(/^25 profiles/);
  await expectNoA11yViolations(page);
  // Several edits, one scratch selection for this page.
  expect(new Set(scratches).size).toBe(1);
  const scratch = await apiGet<{ name: string; description: string }>(page, `view/${scratches[0]}`);
  expect(scratch.name).toMatch(/^orrery_scratch_\d+_\w+ TEMPORARY live count for .+ - anyone may delete$/);

  const name = uniqueName('Top_loyalty');
  await page.getByRole('textbox', { name: 'Name of the new selection' }).fill(name);
  await page.getByRole('button', { name: 'Create selection' }).click();
  await page.waitForURL(/\/views\/\d+$/, { timeout: 20_000 });
  const id = page.url().split('/').pop() as string;

  // The API counts the saved selection like the template page did, from a Part condition of the top 25.
  const members = await apiGet<Paged<unknown>>(page, `view/${id}/profiles?limit=1&total=true`);
  expect(members.total).toBe(25);
  const rules = await apiGet<Paged<{ conditions: Paged<Record<string, unknown>> }>>(page, `view/${id}/rules`);
  expect(rules.data[0]?.conditions.data[0]).toMatchObject({ type: 'Part', begin: '-0', length: '25' });
  expect((await apiGet<{ name: string }>(page, `view/${id}`)).name).toBe(name);

  // The editor counts it too (its own scratch), then closes: every scratch of this journey is gone.
  await expect(count).toHaveText(/^25 profiles/, { timeout: 20_000 });
  await page.getByRole('link', { name: 'Selections', exact: true }).first().click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  expect(scratches.length).toBeGreaterThanOrEqual(2);
  for (const scratchId of new Set(scratches))
    await expect
      .poll(async () => (await page.request.get(`/api/v3/view/${scratchId}`, { headers: ORRERY })).status(), { timeout: 10_000 })
      .toBe(400);
  // Nothing is left for the next sign-in to sweep either.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('orrery.scratch-selections'))).toBeNull();

  // A collection's mini selections link back to the collection, and the collection links to them.
  await page.getByRole('link', { name: 'Mini selections of Orders' }).click();
  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/databases/${db.ID}/collections/\\d+$`));
  await page.getByRole('link', { name: 'Mini selections', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini selections of Orders');
});
