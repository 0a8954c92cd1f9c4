import { apiPut, type Paged, recordWrites, type Subprofile, seedDatabase, seedOrders, subprofilesOf } from './destructive-helpers.ts';
import { apiCreate, apiGet, expect, expectNoA11yViolations, signIn, test, uniqueName } from './fixtures.ts';

// Many steps each, on a shared machine: more time than the default, never a fixed sleep.
test.describe.configure({ timeout: 150_000 });

type Profile = { ID: string; fields: Record<string, string>; removed: unknown; modified: string };

test('collection unsubscribe with "remove": says behaviour and count, dry run, typed confirmation, exactly the matches removed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  await seedOrders(page, db, coll, 3, 70); // 210 subprofiles: 105 "new", 105 "old"
  await apiPut(page, `collection/${coll}/unsubscribe`, { behavior: 'remove' });
  const writes = recordWrites(page);

  await page.goto(`/databases/${db}/collections/${coll}`);
  // With a filter: only the 105 "old" orders.
  const filter = page.getByRole('group', { name: 'Condition 1' });
  await filter.getByLabel('Field').selectOption('status');
  await filter.getByLabel('Value').fill('old');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('button', { name: 'Unsubscribe 105 matching subprofiles — behaviour: remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsubscribe all matching subprofiles' });
  await expect(dialog.getByText('Filter: status==old')).toBeVisible();
  await expect(
    dialog.getByText('This collection’s unsubscribe behaviour is “remove”: every matching subprofile is deleted.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('105 subprofiles match');
  await expectNoA11yViolations(page);
  const run = dialog.getByRole('button', { name: 'Run on 105 subprofiles' });
  await expect(run).toBeDisabled();
  expect(writes).toEqual([]); // nothing is sent before the typed confirmation
  await dialog.getByLabel('Type 105 to confirm').fill('105');
  await run.click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Done: 105 subprofiles');
  expect(writes).toEqual([expect.stringMatching(new RegExp(`^PUT collection/${coll}/unsubscribes$`))]);
  let left = await subprofilesOf(page, coll);
  expect(left).toHaveLength(105);
  expect(new Set(left.map((s) => s.fields.status))).toEqual(new Set(['new']));
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  // Without a filter: every remaining subprofile, and the label says so before anything runs.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('button', { name: 'Unsubscribe 105 matching subprofiles — behaviour: remove' }).click();
  await expect(dialog.getByText('No filter: every subprofile in the collection')).toBeVisible();
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('105 subprofiles match');
  expect(writes).toHaveLength(1);
  await dialog.getByLabel('Type 105 to confirm').fill('105');
  await dialog.getByRole('button', { name: 'Run on 105 subprofiles' }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('Done: 105 subprofiles');
  expect(writes).toHaveLength(2);
  left = await subprofilesOf(page, coll);
  expect(left).toHaveLength(0);
});

test('collection unsubscribe with "nothing" is not offered as if it did something', async ({ page }) => {
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  await seedOrders(page, db, coll, 1, 3);
  await apiPut(page, `collection/${coll}/unsubscribe`, { behavior: 'nothing' });
  await page.goto(`/databases/${db}/collections/${coll}`);
  await expect(page.getByRole('button', { name: 'Unsubscribe 3 matching subprofiles — behaviour: nothing' })).toBeDisabled();
  await expect(page.getByText('The behaviour is “nothing”: there is nothing to apply.')).toBeVisible();
});

test('profile unsubscribe asks first and names the update; subprofile unsubscribe is honest about "nothing" and "remove"', async ({
  page,
}) => {
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  const [pid] = (await seedOrders(page, db, coll, 1, 2)) as [string];
  const [keep, gone] = (await subprofilesOf(page, coll)) as [Subprofile, Subprofile];
  await apiPut(page, `database/${db}/unsubscribe`, { behavior: 'update', fields: { newsletter: 'no' } });
  await apiPut(page, `collection/${coll}/unsubscribe`, { behavior: 'nothing' });
  const writes = recordWrites(page);

  await page.goto(`/databases/${db}/profiles/${pid}`);
  await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Unsubscribe profile ${pid}?` });
  await expect(dialog.getByTestId('unsubscribe-effect')).toHaveText(
    'This database’s unsubscribe behaviour is “update”: it sets newsletter to “no” on the profile.',
  );
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(writes).toEqual([]);
  expect((await apiGet<Profile>(page, `profile/${pid}`)).fields.newsletter).toBe('yes');

  await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await dialog.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await expect(page.getByText(`Unsubscribed profile ${pid}: newsletter to “no”`)).toBeVisible();
  expect(writes).toEqual([`PUT profile/${pid}/unsubscribe`]);
  expect((await apiGet<Profile>(page, `profile/${pid}`)).fields.newsletter).toBe('no');

  // "nothing": said before, and afterwards it does not claim a change.
  await page.goto(`/databases/${db}/subprofiles/${keep.ID}`);
  await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  const subDialog = page.getByRole('dialog', { name: `Unsubscribe subprofile ${keep.ID}?` });
  await expect(subDialog.getByTestId('unsubscribe-effect')).toHaveText(
    'This collection’s unsubscribe behaviour is “nothing”: unsubscribing does not change the subprofile.',
  );
  await subDialog.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await expect(page.getByText('Unsubscribe sent; the behaviour is “nothing”, so nothing changed.')).toBeVisible();
  const after = await apiGet<Subprofile>(page, `subprofile/${keep.ID}`);
  expect([after.removed, after.modified, after.fields.status]).toEqual([false, keep.modified, keep.fields.status]);

  // "remove": the dialog says the subprofile is deleted, and it is.
  await apiPut(page, `collection/${coll}/unsubscribe`, { behavior: 'remove' });
  await page.goto(`/databases/${db}/subprofiles/${gone.ID}`);
  await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  const removeDialog = page.getByRole('dialog', { name: `Unsubscribe subprofile ${gone.ID}?` });
  await expect(removeDialog.getByTestId('unsubscribe-effect')).toHaveText(
    'This collection’s unsubscribe behaviour is “remove”: the subprofile is deleted.',
  );
  await expectNoA11yViolations(page);
  await removeDialog.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await expect(page.getByText(`Unsubscribed subprofile ${gone.ID}: it was removed`)).toBeVisible();
  expect((await apiGet<Subprofile>(page, `subprofile/${gone.ID}`)).removed).toBeTruthy();
  expect(writes.slice(1)).toEqual([`PUT subprofile/${keep.ID}/unsubscribe`, `PUT subprofile/${gone.ID}/unsubscribe`]);

  // In Dutch the same dialog names the same effect.
  await page.goto(`/databases/${db}/profiles/${pid}`);
  await page.getByText('NL', { exact: true }).click();
  await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
  await expect(page.getByRole('dialog').getByTestId('unsubscribe-effect')).toHaveText(
    'Het afmeldgedrag van deze database is “bijwerken”: het zet newsletter op “no” in het profiel.',
  );
  await expectNoA11yViolations(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
  await page.getByText('EN', { exact: true }).click();
});

test('mini selection delete names the selections that use it; nothing is sent before confirming', async ({ page }) => {
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  const used = await apiCreate(page, `collection/${coll}/miniviews`, { name: uniqueName('big_orders') });
  const unused = await apiCreate(page, `collection/${coll}/miniviews`, { name: uniqueName('old_orders') });
  const viewName = uniqueName('buyers');
  const view = await apiCreate(page, `database/${db}/views`, { name: viewName });
  const rule = await apiCreate(page, `view/${view}/rules`, { name: 'has_big_orders' });
  await apiCreate(page, `rule/${rule}/conditions`, { type: 'MiniView', 'mini-view': used, 'min-subprofiles': 1, 'max-subprofiles': 999 });
  const names = (await apiGet<Paged<{ ID: string; name: string }>>(page, `collection/${coll}/miniviews`)).data;
  const nameOf = (id: string) => names.find((m) => m.ID === id)?.name as string;
  const writes = recordWrites(page);

  await page.goto(`/collections/${coll}/miniviews`);
  await page.getByRole('button', { name: `Actions for ${nameOf(used)}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete mini selection “${nameOf(used)}”?` });
  await expect(dialog.getByTestId('miniview-users')).toContainText(
    '1 selection uses this mini selection; its mini selection condition will match nobody:',
  );
  await expect(dialog.getByRole('list', { name: 'Selections that use it' }).getByRole('listitem')).toHaveText([viewName]);
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(writes).toEqual([]);
  await apiGet(page, `miniview/${used}`);

  await page.getByRole('button', { name: `Actions for ${nameOf(unused)}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const other = page.getByRole('dialog', { name: `Delete mini selection “${nameOf(unused)}”?` });
  await expect(other.getByTestId('miniview-users')).toHaveText('No selection uses this mini selection.');
  await other.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText(`Mini selection “${nameOf(unused)}” deleted`)).toBeVisible();
  expect(writes).toEqual([`DELETE miniview/${unused}`]);
  expect((await page.request.get(`/api/v3/miniview/${unused}`, { headers: { 'X-Requested-With': 'orrery' } })).status()).toBe(400);
});

test('field delete counts the profiles / subprofiles that lose a value before anything is sent', async ({ page }) => {
  await signIn(page);
  const { db, coll } = await seedDatabase(page);
  await seedOrders(page, db, coll, 3, 1);
  const fields = (await apiGet<Paged<{ ID: string; name: string }>>(page, `database/${db}/fields`)).data;
  const newsletter = fields.find((f) => f.name === 'newsletter') as { ID: string };
  const collFields = (await apiGet<Paged<{ ID: string; name: string }>>(page, `collection/${coll}/fields`)).data;
  const status = collFields.find((f) => f.name === 'status') as { ID: string };
  const writes = recordWrites(page);

  await page.goto(`/databases/${db}/fields`);
  await page.getByRole('button', { name: 'Delete newsletter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete field newsletter?' });
  await expect(dialog.getByTestId('confirm-effect')).toHaveText(
    'The field newsletter and its values in all 3 profiles of this database are deleted. Selections and emailings that use it stop working.',
  );
  await expectNoA11yViolations(page);
  expect(writes).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  expect(writes).toEqual([`DELETE database/${db}/field/${newsletter.ID}`]);
  expect((await apiGet<Paged<{ name: string }>>(page, `database/${db}/fields`)).data.map((f) => f.name)).toEqual(['email']);

  await page.goto(`/databases/${db}/collections/${coll}`);
  await page.getByRole('button', { name: 'Delete status' }).click();
  const collDialog = page.getByRole('dialog', { name: 'Delete field status?' });
  await expect(collDialog.getByTestId('confirm-effect')).toHaveText(
    'The field status and its values in all 3 subprofiles of this collection are deleted. Mini selections that use it stop working.',
  );
  await collDialog.getByRole('button', { name: 'Cancel' }).click();
  expect(writes).toHaveLength(1);
  expect((await apiGet<Paged<{ ID: string }>>(page, `collection/${coll}/fields`)).data.map((f) => f.ID)).toContain(status.ID);
});

test('selection delete counts the subselections that go with it; nothing is sent before confirming', async ({ page }) => {
  await signIn(page);
  const { db } = await seedDatabase(page);
  const parentName = uniqueName('parent');
  const parent = await apiCreate(page, `database/${db}/views`, { name: parentName });
  const child = await apiCreate(page, `view/${parent}/views`, { name: uniqueName('child') });
  const grandchild = await apiCreate(page, `view/${child}/views`, { name: uniqueName('grandchild') });
  const writes = recordWrites(page);

  await page.goto(`/databases/${db}/selections`);
  await page.getByRole('button', { name: `Actions for ${parentName}`, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${parentName}”?` });
  await expect(dialog.getByTestId('view-descendants')).toHaveText('Its 2 subselections are deleted with it.');
  await expectNoA11yViolations(page);
  expect(writes).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  expect(writes).toEqual([`DELETE view/${parent}`]);
  for (const id of [parent, child, grandchild]) {
    expect((await page.request.get(`/api/v3/view/${id}`, { headers: { 'X-Requested-With': 'orrery' } })).status()).toBe(400);
  }
});
