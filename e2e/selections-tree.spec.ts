import type { Page } from '@playwright/test';
import { apiCreate, apiGet, expect, expectNoA11yViolations, ORRERY, test, uniqueName } from './fixtures.ts';

/**
 * The selection tree's "…" menu (create subselection, rename, copy with and without subselections, move,
 * delete) and the view editor's Rebuild and intention switches, driven in the UI and checked through the API.
 */
type Paged<T> = { data: T[]; count: number };
type View = {
  ID: string;
  name: string;
  'parent-type': 'database' | 'view';
  'parent-id': string;
  'has-children': boolean;
  'has-rules': boolean;
  'last-built': string;
  intentions: Record<'email' | 'sms' | 'fax' | 'pdf', unknown>;
};
type Condition = { type: string; comparison?: string; value?: string; field?: { name: string } };
type Rule = { name: string; conditions: Paged<Condition> };

async function customersId(page: Page): Promise<string> {
  const list = await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?limit=100');
  const db = list.data.find((d) => d.name === 'Customers');
  if (!db) throw new Error('demo database Customers missing');
  return db.ID;
}

/** A view with one rule "city is <city>", made through the API (the editor itself is covered in selections.spec.ts). */
async function cityView(page: Page, ownerPath: string, name: string, city: string): Promise<string> {
  const id = await apiCreate(page, ownerPath, { name });
  const rule = await apiCreate(page, `view/${id}/rules`, { name: 'Rule 1' });
  await apiCreate(page, `rule/${rule}/conditions`, { type: 'Field', field: 'city', comparison: 'equals', value: city });
  return id;
}

/** The rules of a view as comparable data: rule names with their conditions' type, field, comparison and value. */
async function ruleSummary(page: Page, viewId: string) {
  const rules = await apiGet<Paged<Rule>>(page, `view/${viewId}/rules`);
  return rules.data.map((r) => ({
    name: r.name,
    conditions: r.conditions.data.map((c) => ({ type: c.type, field: c.field?.name, comparison: c.comparison, value: c.value })),
  }));
}

const children = async (page: Page, viewId: string) => (await apiGet<Paged<View>>(page, `view/${viewId}/views?limit=1000`)).data;
const topLevel = async (page: Page, dbId: string) => (await apiGet<Paged<View>>(page, `database/${dbId}/views?limit=1000`)).data;

/** Opens a tree node's "…" menu and picks an action. */
async function treeAction(page: Page, viewName: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${viewName}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

async function openTree(page: Page, dbId: string) {
  await page.goto(`/databases/${dbId}/selections`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Customers');
}

async function expand(page: Page, viewName: string) {
  await page.getByRole('button', { name: `Show subselections of ${viewName}`, exact: true }).click();
}

/** Submits a tree dialog and waits for it to close (the "Saved" notice). */
async function submitDialog(page: Page, button: 'Save' | 'Delete') {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('create a subselection from the tree menu, rename, copy with and without subselections, delete', async ({ signedIn: page }) => {
  const dbId = await customersId(page);
  const parentName = uniqueName('Tree_parent');
  const parentId = await cityView(page, `database/${dbId}/views`, parentName, 'Delft');

  // Create subselection through the tree menu: the editor opens with ?parent=<id>.
  await openTree(page, dbId);
  await treeAction(page, parentName, 'New subselection');
  await expect(page).toHaveURL(new RegExp(`/selections/new\\?parent=${parentId}$`));
  const nestedName = uniqueName('Tree_nested');
  await page.getByRole('textbox', { name: 'Name' }).fill(nestedName);
  await page.getByTestId('save-selection').click();
  await page.getByTestId('confirm-save').click();
  await page.waitForURL(/\/views\/\d+$/, { timeout: 20_000 });
  const nestedId = page.url().split('/').pop() as string;
  expect(await apiGet<View>(page, `view/${nestedId}`)).toMatchObject({ name: nestedName, 'parent-type': 'view', 'parent-id': parentId });
  expect((await apiGet<View>(page, `view/${parentId}`))['has-children']).toBe(true);
  const parentRules = await ruleSummary(page, parentId);
  expect(parentRules).toEqual([{ name: 'Rule 1', conditions: [{ type: 'Field', field: 'city', comparison: 'equals', value: 'Delft' }] }]);

  // The tree page with a node's menu open, then a dialog: axe on both.
  await openTree(page, dbId);
  await expand(page, parentName);
  await expect(page.getByRole('link', { name: nestedName, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Actions for ${parentName}`, exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Rename', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('menuitem', { name: 'Rename', exact: true }).click();

  // Rename.
  const renamed = uniqueName('Tree_renamed');
  const dialog = page.getByRole('dialog', { name: 'Rename' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(parentName);
  await expectNoA11yViolations(page);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await submitDialog(page, 'Save');
  await expect(page.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  expect(await apiGet<View>(page, `view/${parentId}`)).toMatchObject({ name: renamed, 'parent-type': 'database', 'parent-id': dbId });

  // Copy without subselections: next to the original, same rules, no children.
  const bareCopy = uniqueName('Tree_copy_bare');
  await treeAction(page, renamed, 'Copy');
  const copyDialog = page.getByRole('dialog', { name: 'Copy' });
  await expect(copyDialog.getByRole('textbox', { name: 'Name of the copy' })).toHaveValue(`${renamed} copy`);
  await expect(copyDialog.getByRole('checkbox', { name: 'Include subselections' })).toBeChecked();
  await copyDialog.getByRole('textbox', { name: 'Name of the copy' }).fill(bareCopy);
  await copyDialog.getByRole('checkbox', { name: 'Include subselections' }).uncheck();
  await submitDialog(page, 'Save');
  await expect(page.getByRole('link', { name: bareCopy, exact: true })).toBeVisible();
  const bare = (await topLevel(page, dbId)).find((v) => v.name === bareCopy);
  expect(bare).toMatchObject({ 'parent-type': 'database', 'parent-id': dbId, 'has-children': false, 'has-rules': true });
  expect(await ruleSummary(page, bare?.ID ?? '')).toEqual(parentRules);
  expect(await children(page, bare?.ID ?? '')).toEqual([]);

  // Copy with subselections (the default again on a new dialog): the nested view is copied under the copy.
  const fullCopy = uniqueName('Tree_copy_full');
  await treeAction(page, renamed, 'Copy');
  await expect(copyDialog.getByRole('checkbox', { name: 'Include subselections' })).toBeChecked();
  await copyDialog.getByRole('textbox', { name: 'Name of the copy' }).fill(fullCopy);
  await submitDialog(page, 'Save');
  await expect(page.getByRole('link', { name: fullCopy, exact: true })).toBeVisible();
  const full = (await topLevel(page, dbId)).find((v) => v.name === fullCopy);
  expect(full).toMatchObject({ 'parent-type': 'database', 'parent-id': dbId, 'has-children': true });
  expect(await ruleSummary(page, full?.ID ?? '')).toEqual(parentRules);
  const fullKids = await children(page, full?.ID ?? '');
  expect(fullKids).toHaveLength(1);
  expect(fullKids[0]).toMatchObject({ 'parent-type': 'view', 'parent-id': full?.ID });
  expect(fullKids[0]?.name.startsWith(nestedName)).toBe(true);
  expect(await ruleSummary(page, fullKids[0]?.ID ?? '')).toEqual(await ruleSummary(page, nestedId));
  // The original keeps its own nested view.
  expect((await children(page, parentId)).map((v) => v.ID)).toEqual([nestedId]);

  // Delete the nested view of the copy: gone, and the copy no longer has children.
  const copiedNested = fullKids[0] as View;
  await expand(page, fullCopy);
  await treeAction(page, copiedNested.name, 'Delete');
  await expect(page.getByRole('dialog', { name: `Delete “${copiedNested.name}”?` })).toBeVisible();
  await submitDialog(page, 'Delete');
  const gone = await page.request.get(`/api/v3/view/${copiedNested.ID}`, { headers: ORRERY });
  expect(gone.status()).toBe(400);
  expect((await apiGet<View>(page, `view/${full?.ID}`))['has-children']).toBe(false);
  expect(await children(page, full?.ID ?? '')).toEqual([]);
  await expect(page.getByRole('link', { name: copiedNested.name, exact: true })).toBeHidden();

  // Delete a top-level view with its subselection: both gone.
  await treeAction(page, renamed, 'Delete');
  await submitDialog(page, 'Delete');
  for (const id of [parentId, nestedId]) expect((await page.request.get(`/api/v3/view/${id}`, { headers: ORRERY })).status()).toBe(400);
  expect((await topLevel(page, dbId)).some((v) => v.ID === parentId)).toBe(false);
  await expect(page.getByRole('link', { name: renamed, exact: true })).toBeHidden();
});

test('move a nested view (and its own subselection) under another parent', async ({ signedIn: page }) => {
  const dbId = await customersId(page);
  const fromName = uniqueName('Move_from');
  const toName = uniqueName('Move_to');
  const movingName = uniqueName('Move_me');
  const grandchildName = uniqueName('Move_kid');
  const fromId = await cityView(page, `database/${dbId}/views`, fromName, 'Delft');
  const toId = await cityView(page, `database/${dbId}/views`, toName, 'Leiden');
  const movingId = await cityView(page, `view/${fromId}/views`, movingName, 'Delft');
  const grandchildId = await cityView(page, `view/${movingId}/views`, grandchildName, 'Delft');
  const movingRules = await ruleSummary(page, movingId);

  await openTree(page, dbId);
  await expand(page, fromName);
  await treeAction(page, movingName, 'Move');
  const dialog = page.getByRole('dialog', { name: 'Move' });
  const target = dialog.getByRole('combobox', { name: 'Move to' });
  await target.click();
  await target.fill(toName);
  await page.getByRole('option', { name: toName, exact: true }).click();
  // The moved view's own subtree is no target.
  await target.fill(grandchildName);
  await expect(page.getByRole('option', { name: new RegExp(grandchildName) })).toHaveCount(0);
  await target.fill(toName);
  await page.getByRole('option', { name: toName, exact: true }).click();
  await submitDialog(page, 'Save');

  // v3 has no move: the view is recreated under the new parent with its rules, names and subselection.
  const moved = (await children(page, toId)).find((v) => v.name === movingName);
  expect(moved).toMatchObject({ 'parent-type': 'view', 'parent-id': toId, 'has-children': true, 'has-rules': true });
  expect(await ruleSummary(page, moved?.ID ?? '')).toEqual(movingRules);
  const movedKids = await children(page, moved?.ID ?? '');
  expect(movedKids.map((v) => v.name)).toEqual([grandchildName]);
  expect(movedKids[0]).toMatchObject({ 'parent-type': 'view', 'parent-id': moved?.ID });
  // The originals are gone and the old parent has no children left.
  for (const id of [movingId, grandchildId]) expect((await page.request.get(`/api/v3/view/${id}`, { headers: ORRERY })).status()).toBe(400);
  expect((await apiGet<View>(page, `view/${fromId}`))['has-children']).toBe(false);
  expect((await apiGet<View>(page, `view/${toId}`))['has-children']).toBe(true);
  // No temporary "_moving_" names are left behind.
  expect((await children(page, toId)).every((v) => !v.name.includes('_moving_'))).toBe(true);

  // The tree shows it under its new parent.
  await expand(page, toName);
  await expect(page.getByRole('link', { name: movingName, exact: true })).toBeVisible();
});

test('Rebuild updates last built; intention switches persist', async ({ signedIn: page }) => {
  const dbId = await customersId(page);
  const id = await cityView(page, `database/${dbId}/views`, uniqueName('Rebuild'), 'Delft');
  const before = (await apiGet<View>(page, `view/${id}`))['last-built'];

  await page.goto(`/views/${id}`);
  const lastBuilt = page.getByTestId('last-built');
  await expect(lastBuilt).not.toHaveText('not yet');
  // Stamps have one-second resolution: a rebuild stamps a later time once the clock is past the first build's second.
  const builtSecond = Math.floor(Date.now() / 1000);
  await expect.poll(() => Math.floor(Date.now() / 1000), { intervals: [100] }).toBeGreaterThan(builtSecond);
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click();
  await expect.poll(async () => (await apiGet<View>(page, `view/${id}`))['last-built'], { timeout: 15_000 }).not.toBe(before);
  const after = (await apiGet<View>(page, `view/${id}`))['last-built'];
  expect(after > before).toBe(true);
  await expect(page.getByText('Rebuild requested. Contents update when it finishes.')).toBeVisible();
  // The editor shows minutes only: the shown stamp is the API's new one (same minute or later than before).
  await expect(lastBuilt).toHaveText(/\d/);

  // Intentions: a new view starts with all off; switches persist (PUT view/$id/intentions).
  const intentions = page.getByRole('group', { name: 'Intentions' });
  const email = intentions.getByRole('switch', { name: 'email' });
  const pdf = intentions.getByRole('switch', { name: 'pdf' });
  // Toggled from the keyboard, as a user can: a Mantine switch's input sits under its track, which takes the pointer.
  const toggle = (name: string) => intentions.getByRole('switch', { name }).press('Space');
  await expect(email).not.toBeChecked();
  await expect(pdf).not.toBeChecked();
  await expectNoA11yViolations(page);
  await toggle('email');
  await expect(email).toBeChecked();
  await expect.poll(async () => (await apiGet<View>(page, `view/${id}`)).intentions.email).toBeTruthy();
  await expect(email).toBeEnabled();
  await toggle('pdf');
  await expect.poll(async () => (await apiGet<View>(page, `view/${id}`)).intentions.pdf).toBeTruthy();
  // The email intention is not switched off by the pdf change.
  expect((await apiGet<View>(page, `view/${id}`)).intentions.email).toBeTruthy();

  await page.reload();
  await expect(email).toBeChecked();
  await expect(pdf).toBeChecked();
  await expect(email).toBeEnabled();
  await toggle('email');
  await expect.poll(async () => (await apiGet<View>(page, `view/${id}`)).intentions.email).toBeFalsy();
  expect((await apiGet<View>(page, `view/${id}`)).intentions.pdf).toBeTruthy();
  await page.reload();
  await expect(email).not.toBeChecked();
  await expect(pdf).toBeChecked();
});
