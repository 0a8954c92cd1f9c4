import type { Page } from '@playwright/test';
import { apiGet, expect, expectNoA11yViolations, test } from './fixtures.ts';

// Whole builder journeys (many edits, live counts, saving, checks through the API): room on a busy machine.
test.describe.configure({ timeout: 240_000 });

/**
 * The selection builder end to end: the documented example selections are built in the UI, saved, and
 * the count the editor showed is compared with what the API says about the saved selection.
 */
type Paged<T> = { data: T[]; total?: number; count: number };
type Db = { ID: string; name: string; collections: Paged<{ ID: string; name: string }> };

const unique = (base: string) => `${base}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function customers(page: Page): Promise<Db> {
  const list = await apiGet<Paged<Db>>(page, 'databases?limit=100');
  const db = list.data.find((d) => d.name === 'Customers');
  if (!db) throw new Error('demo database Customers missing');
  return db;
}

/** Picks an option in a searchable Mantine Select by typing into it. */
async function pick(page: Page, label: string | RegExp, search: string, option: string | RegExp, nth = -1) {
  const input = nth >= 0 ? page.getByRole('combobox', { name: label }).nth(nth) : page.getByRole('combobox', { name: label }).last();
  await input.click();
  if (search) await input.fill(search);
  // Click the option itself: Enter on the preselected first match raced the list's re-filtering under load.
  await page.getByRole('option', { name: option }).first().click();
}

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).last().click();
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** Waits for the live count to settle and returns it. */
async function liveCount(page: Page): Promise<number> {
  const el = page.getByTestId('live-count');
  await expect(el).toHaveAttribute('data-pending', 'false', { timeout: 20_000 });
  await expect(el).toHaveText(/\d/);
  return Number(((await el.textContent()) ?? '').replace(/[^\d]/g, ''));
}

/** Save through the review dialog; returns the new selection's ID from the URL. */
async function save(page: Page, kind: 'views' | 'miniviews'): Promise<string> {
  await page.getByTestId('save-selection').click();
  await expect(page.getByTestId('save-diff')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('confirm-save').click();
  await page.waitForURL(new RegExp(`/${kind}/\\d+$`), { timeout: 20_000 });
  await expect(page.getByTestId('change-count')).toHaveText(/No unsaved changes/);
  return page.url().split('/').pop() as string;
}

test('birthday selection and a nested view: live counts match the API after saving', async ({ signedIn: page }) => {
  const db = await customers(page);
  await page.goto(`/databases/${db.ID}/selections/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill(unique('Birthday'));
  await pick(page, 'Add condition', 'birthdate', 'birthdate');
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('menuitem', { name: 'Birthday today' }).click();
  await expect(page.getByTestId('selection-sentence')).toHaveText(/birthdate \(ignoring the year\) today/);
  const shown = await liveCount(page);
  await expectNoA11yViolations(page);
  const birthdayId = await save(page, 'views');
  const ids = await apiGet<string[]>(page, `view/${birthdayId}/profileids`);
  expect(ids.length).toBe(shown);
  const rules = await apiGet<Paged<{ conditions: Paged<Record<string, unknown>> }>>(page, `view/${birthdayId}/rules`);
  expect(rules.data[0]?.conditions.data[0]).toMatchObject({ type: 'Date', 'compare-mode': 'ignoreyear' });

  // A top-level "Delft" view (counted with the fields filter), then a nested one under it.
  await page.goto(`/databases/${db.ID}/selections/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill(unique('Delft'));
  await pick(page, 'Add condition', 'city', /^city$/);
  await page.getByRole('textbox', { name: 'Value' }).fill('Delft');
  const delftShown = await liveCount(page);
  const delftFilter = await apiGet<Paged<unknown>>(
    page,
    `database/${db.ID}/profiles?fields[]=${encodeURIComponent('city==Delft')}&limit=1&total=true`,
  );
  expect(delftShown).toBe(delftFilter.total);
  const delftId = await save(page, 'views');

  await page.goto(`/databases/${db.ID}/selections/new?parent=${delftId}`);
  await page.getByRole('textbox', { name: 'Name' }).fill(unique('Delft_loyal'));
  await pick(page, 'Add condition', 'loyalty', 'loyalty_points');
  await choose(page, 'Comparison', 'is more than');
  await page.getByRole('textbox', { name: 'Value' }).fill('2500');
  const nestedShown = await liveCount(page);
  const nestedId = await save(page, 'views');
  const [nestedIds, parentIds, view] = await Promise.all([
    apiGet<string[]>(page, `view/${nestedId}/profileids`),
    apiGet<string[]>(page, `view/${delftId}/profileids`),
    apiGet<{ 'parent-type': string; 'parent-id': string }>(page, `view/${nestedId}`),
  ]);
  expect(view).toMatchObject({ 'parent-type': 'view', 'parent-id': delftId });
  expect(nestedIds.length).toBe(nestedShown);
  const parentSet = new Set(parentIds.map(String));
  expect(nestedIds.every((id) => parentSet.has(String(id)))).toBe(true);

  // The tree shows the nested view under its parent.
  await page.goto(`/databases/${db.ID}/selections`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Customers');
  await expectNoA11yViolations(page);
});

test('customers in one city who clicked in an emailing, except those with an interest', async ({ signedIn: page }) => {
  const db = await customers(page);
  await page.goto(`/databases/${db.ID}/selections/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill(unique('Clickers'));
  await pick(page, 'Add condition', 'city', /^city$/);
  await page.getByRole('textbox', { name: 'Value' }).fill('Amsterdam');
  await pick(page, 'Add condition', 'E-mail', 'E-mail results');
  await pick(page, 'Pick an emailing', '', /./);
  await expect(page.getByRole('textbox', { name: 'Document' })).not.toHaveValue('');
  await choose(page, 'Result', 'clicked any link');
  await pick(page, 'Add condition', 'Interest', /^Interest$/);
  await choose(page, 'Match', 'does not have the interest');
  await pick(page, 'Interest', '', /./);
  const shown = await liveCount(page);
  await expect(page.getByTestId('selection-sentence')).toHaveText(/city is “Amsterdam” and E-mail results: received the document/);
  const id = await save(page, 'views');
  const ids = await apiGet<string[]>(page, `view/${id}/profileids`);
  expect(ids.length).toBe(shown);
  const rules = await apiGet<Paged<{ conditions: Paged<{ type: string }> }>>(page, `view/${id}/rules`);
  expect(rules.data).toHaveLength(1);
  expect(rules.data[0]?.conditions.data.map((c) => c.type).sort()).toEqual(['Email', 'Field', 'Interest']);

  // Why is a profile in or out: the browser's verdict next to the API's.
  if (ids[0]) {
    await page.getByRole('textbox', { name: 'Profile ID or e-mail address' }).fill(String(ids[0]));
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page.getByTestId('explain-api')).toHaveText('The API says: in');
  }

  // A link from campaign statistics opens a draft with that Email condition.
  const condition = {
    type: 'Email',
    'match-mode': 'match_profiles_that_received_document',
    document: 'Linked doc',
    'required-result': 'anyclick',
  };
  await page.goto(`/databases/${db.ID}/selections/new?condition=${encodeURIComponent(JSON.stringify(condition))}`);
  await expect(page.getByTestId('condition-card')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Document' })).toHaveValue('Linked doc');
  await expectNoA11yViolations(page);
});

test('a miniview over orders, used in a view through a MiniView condition', async ({ signedIn: page }) => {
  const db = await customers(page);
  const orders = db.collections.data.find((c) => c.name === 'Orders');
  if (!orders) throw new Error('demo collection Orders missing');
  const miniName = unique('Big_orders');
  await page.goto(`/collections/${orders.ID}/miniviews/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill(miniName);
  await pick(page, 'Add condition', 'amount', /^amount$/);
  await choose(page, 'Comparison', 'is more than');
  await page.getByRole('textbox', { name: 'Value' }).fill('350');
  const miniShown = await liveCount(page);
  await expectNoA11yViolations(page);
  const miniId = await save(page, 'miniviews');
  const subIds = await apiGet<string[]>(page, `miniview/${miniId}/subprofileids`);
  expect(subIds.length).toBe(miniShown);

  await page.goto(`/databases/${db.ID}/selections/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill(unique('Big_spenders'));
  await pick(page, 'Add condition', miniName.slice(0, 12), new RegExp(miniName));
  const shown = await liveCount(page);
  const id = await save(page, 'views');
  const ids = await apiGet<string[]>(page, `view/${id}/profileids`);
  expect(ids.length).toBe(shown);
  const rules = await apiGet<Paged<{ conditions: Paged<Record<string, unknown>> }>>(page, `view/${id}/rules`);
  expect(rules.data[0]?.conditions.data[0]).toMatchObject({ type: 'MiniView' });

  await page.goto(`/collections/${orders.ID}/miniviews`);
  await expect(page.getByRole('link', { name: miniName })).toBeVisible();
  await expectNoA11yViolations(page);
});
