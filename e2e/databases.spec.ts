import type { Page } from '@playwright/test';
import { apiGet, expect, expectNoA11yViolations, ORRERY, signIn, test, uniqueName } from './fixtures.ts';

type Paged<T> = { count: number; total?: number; data: T[] };
type Db = {
  ID: string;
  name: string;
  description: string;
  archived: boolean;
  fields: Paged<{ ID: string; name: string; type: string; value: string; index: boolean }>;
};

const H = ORRERY;
const unique = uniqueName;

async function createDatabase(page: Page, name: string): Promise<string> {
  const res = await page.request.post('/api/v3/databases', { headers: H, data: { name } });
  expect(res.status()).toBe(201);
  return res.headers()['x-created'] as string;
}

async function findDatabase(page: Page, name: string): Promise<Db | undefined> {
  const list = await apiGet<Paged<Db>>(page, 'databases?limit=1000');
  return list.data.find((d) => d.name === name);
}

test('create, rename and copy a database', async ({ page }) => {
  await signIn(page, '/databases');
  const name = unique('E2E_db');
  await page.getByRole('button', { name: 'New database' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(name);
  await page.getByRole('dialog').getByLabel('Description').fill('made by e2e');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/databases\/\d+\/fields$/);
  const created = await findDatabase(page, name);
  expect(created?.description).toBe('made by e2e');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectNoA11yViolations(page);

  // Rename (PUT database/$id)
  const renamed = `${name}_r`;
  await page.getByRole('button', { name: 'Edit database' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(renamed);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  expect((await apiGet<Db>(page, `database/${created?.ID}`)).name).toBe(renamed);

  // Copy (POST database/$id/copy)
  await page.getByRole('button', { name: 'Copy database' }).click();
  const copyName = `${name}_copy`;
  await page.getByRole('dialog').getByLabel('Name of the copy').fill(copyName);
  await page.getByRole('dialog').getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page).toHaveURL(/\/databases\/\d+\/profiles$/);
  await expect.poll(async () => (await findDatabase(page, copyName))?.name).toBe(copyName);
});

test('fields: create, edit and delete with every property per type', async ({ page }) => {
  await signIn(page);
  const dbName = unique('E2E_fields');
  const id = await createDatabase(page, dbName);
  await page.goto(`/databases/${id}/fields`);
  await expect(page.getByText('No fields yet.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'New field' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('level');
  await dialog.getByLabel('Type').selectOption('select');
  await dialog.getByLabel(/Choices/).fill('gold\nsilver*\nbronze');
  await dialog.getByLabel('Indexed (fast filtering)').check();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'level', exact: true })).toBeVisible();
  let fields = (await apiGet<Paged<Db['fields']['data'][number]>>(page, `database/${id}/fields`)).data;
  expect(fields).toEqual([expect.objectContaining({ name: 'level', type: 'select', index: true })]);
  expect(fields[0]?.value.replace(/\r\n/g, '\n')).toBe('gold\nsilver*\nbronze');

  await page.getByRole('button', { name: 'Edit level' }).click();
  await dialog.getByLabel('Name').fill('tier');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'tier', exact: true })).toBeVisible();
  fields = (await apiGet<Paged<Db['fields']['data'][number]>>(page, `database/${id}/fields`)).data;
  expect(fields.map((f) => f.name)).toEqual(['tier']);

  await page.getByRole('button', { name: 'Delete tier' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No fields yet.')).toBeVisible();
  expect((await apiGet<Paged<unknown>>(page, `database/${id}/fields`)).count).toBe(0);
});

test('collections, collection fields, interests and unsubscribe behaviour', async ({ page }) => {
  await signIn(page);
  const id = await createDatabase(page, unique('E2E_schema'));
  await page.request.post(`/api/v3/database/${id}/fields`, { headers: H, data: { name: 'email', type: 'email' } });
  await page.request.post(`/api/v3/database/${id}/fields`, { headers: H, data: { name: 'newsletter', type: 'text' } });

  // Collections
  await page.goto(`/databases/${id}/collections`);
  await expect(page.getByText('This database has no collections yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('orders');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'orders' }).click();
  await expect(page.getByRole('heading', { name: 'orders', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'New field' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('amount');
  await page.getByRole('dialog').getByLabel('Type').selectOption('float');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'amount', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  const collections = await apiGet<Paged<{ ID: string; name: string }>>(page, `database/${id}/collections`);
  const orders = collections.data.find((c) => c.name === 'orders');
  expect(orders).toBeDefined();
  const cfields = await apiGet<Paged<{ name: string; type: string }>>(page, `collection/${orders?.ID}/fields`);
  expect(cfields.data).toEqual([expect.objectContaining({ name: 'amount', type: 'float' })]);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('purchases');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'purchases', level: 2 })).toBeVisible();
  expect((await apiGet<{ name: string }>(page, `collection/${orders?.ID}`)).name).toBe('purchases');

  // Interests: create with a group, rename and regroup, delete
  await page.goto(`/databases/${id}/interests`);
  await page.getByRole('button', { name: 'New interest' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('golf');
  await page.getByRole('dialog').getByLabel('Group').fill('sports');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'golf', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Edit golf' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('tennis');
  await page.getByRole('dialog').getByLabel('Group').fill('racket');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'racket' })).toBeVisible();
  expect((await apiGet<Paged<{ name: string; group: string }>>(page, `database/${id}/interests`)).data).toEqual([
    expect.objectContaining({ name: 'tennis', group: 'racket' }),
  ]);
  await page.getByRole('button', { name: 'Delete tennis' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This database has no interests yet.')).toBeVisible();
  expect((await apiGet<Paged<unknown>>(page, `database/${id}/interests`)).count).toBe(0);

  // Unsubscribe behaviour: update a field
  await page.goto(`/databases/${id}/unsubscribe`);
  await page.getByLabel('Update fields').check();
  await page.getByLabel('Add a field').selectOption('newsletter');
  await page.getByLabel('newsletter', { exact: true }).fill('no');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => apiGet<{ behavior: string; fields: Record<string, string> }>(page, `database/${id}/unsubscribe`))
    .toEqual({
      behavior: 'update',
      fields: { newsletter: 'no' },
    });
  await page.getByRole('switch', { name: 'E-mail' }).check();
  await expect.poll(async () => (await apiGet<{ intentions?: { email: unknown } }>(page, `database/${id}`)).intentions?.email).toBeTruthy();
  await expectNoA11yViolations(page);
});

test('webhooks: create, edit and delete, remembered without a list call', async ({ page }) => {
  await signIn(page);
  const id = await createDatabase(page, unique('E2E_hooks'));
  await page.goto(`/databases/${id}/webhooks`);
  await page.getByRole('button', { name: 'New webhook' }).click();
  await page.getByRole('dialog').getByLabel('Handler URL').fill('https://hooks.example.org/e2e');
  await page.getByRole('dialog').getByLabel('Trigger').selectOption('create');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row', { name: /hooks\.example\.org\/e2e/ });
  await expect(row).toBeVisible();
  const hookId = (await row.getByRole('cell').first().textContent())?.trim() ?? '';
  expect(await apiGet<{ handler: string; trigger: string }>(page, `webhook/${hookId}`)).toMatchObject({
    handler: 'https://hooks.example.org/e2e',
    trigger: 'create',
  });
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: `Edit ${hookId}` }).click();
  await page.getByRole('dialog').getByLabel('Trigger').selectOption('update');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await apiGet<{ trigger: string }>(page, `webhook/${hookId}`)).trigger).toBe('update');

  await page.getByRole('button', { name: `Delete ${hookId}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
  const gone = await page.request.get(`/api/v3/webhook/${hookId}`, { headers: H });
  expect(gone.status()).toBe(400);
});
