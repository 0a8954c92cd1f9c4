import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import Papa from 'papaparse';
import { apiCreate, apiGet, apiGetAll, expect, expectNoA11yViolations, signIn, test, uniqueName } from './fixtures.ts';

// Exports stream from the gateway (/export/…) into the browser's downloads; the files are compared with
// the rows the API gives for the same filter.

// Seeding and reading every row through the API takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

type Paged<T> = { count: number; total?: number; data: T[] };
type Profile = { ID: string; fields: Record<string, string>; interests: string[]; modified: string };

async function rowsOf(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path()) as string, 'utf8');
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** What the export writes for a value: cells a spreadsheet would run as a formula get a leading apostrophe. */
const asExported = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v);

test('a filtered profile export, with progress, holds exactly the API’s rows and values', async ({ page }) => {
  await signIn(page);
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_export') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  await apiCreate(page, `database/${db}/fields`, { name: 'note', type: 'text', displayed: true });
  await apiCreate(page, `database/${db}/fields`, { name: 'age', type: 'integer', value: '0', displayed: true });
  const notes = ['=HYPERLINK("http://evil.example")', 'comma, and "quotes"', 'two\nlines', '-12', '@SUM(A1)', ' padded', 'plain'];
  for (let i = 0; i < 24; i += 8)
    await Promise.all(
      Array.from({ length: 8 }, (_, j) =>
        apiCreate(page, `database/${db}/profiles`, {
          fields: { email: `x${i + j}@example.org`, note: notes[(i + j) % notes.length], age: String(i + j) },
        }),
      ),
    );

  await page.goto(`/databases/${db}/profiles?f=${encodeURIComponent('age>=5')}`);
  await expect(page.getByTestId('profiles-total')).toHaveText(/19 profiles/);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('19 profiles to export');
  await expectNoA11yViolations(page);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  expect((await download).suggestedFilename()).toBe(`database-${db}-profiles.csv`);
  await expect(dialog.getByRole('status')).toHaveText('19 profiles exported');
  await expectNoA11yViolations(page);

  const [header, ...rows] = await rowsOf(await download);
  expect(header).toEqual(['ID', 'email', 'note', 'age', 'interests', 'modified']);
  const api = await apiGetAll<Profile>(page, `database/${db}/profiles?fields[]=${encodeURIComponent('age>=5')}`);
  expect(rows).toEqual(
    api.map((p) => [p.ID, p.fields.email, asExported(p.fields.note ?? ''), p.fields.age, p.interests.join('|'), p.modified]),
  );
  expect(rows.map((r) => r[2])).toContain('\'=HYPERLINK("http://evil.example")');
  expect(rows.map((r) => r[2])).toContain('-12');
});

test('an event list export holds every event of the list, across pages, with the API’s values', async ({ page }) => {
  await signIn(page, '/databases');
  const list = await apiGetAll<{ id: string; timestamp: string }>(page, 'publisher/emailings');
  const emailing = [...list].sort((a, b) => b.timestamp.localeCompare(a.timestamp))[0];
  expect(emailing, 'a demo Publisher emailing').toBeDefined();
  const id = emailing?.id as string;
  const events = await apiGetAll<Record<string, unknown>>(page, `publisher/emailing/${id}/deliveries`);
  expect(events.length, 'deliveries of the newest Publisher emailing').toBeGreaterThan(0);

  await page.goto(`/emailings/publisher/${id}/events/deliveries`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all deliveries as CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Exported [\d,.]+ rows/ })).toHaveText(
    `Exported ${new Intl.NumberFormat('en-GB').format(events.length)} rows.`,
  );
  await expectNoA11yViolations(page);

  const [header, ...rows] = await rowsOf(await download);
  const columns = Object.keys(events[0] as object);
  expect(header).toEqual(columns);
  expect(rows).toEqual(events.map((e) => columns.map((c) => (e[c] === null || e[c] === undefined ? '' : asExported(String(e[c]))))));
});

test('export downloads refuse a cross-site request and need a session', async ({ page, browser }) => {
  await signIn(page);
  const dbs = await apiGet<Paged<{ ID: string }>>(page, 'databases');
  const path = `/export/database/${dbs.data[0]?.ID}/profiles.csv`;
  const crossSite = await page.request.get(path, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } });
  expect(crossSite.status()).toBe(403);
  const anonymous = await browser.newContext();
  try {
    const res = await anonymous.request.get(new URL(path, page.url()).href);
    expect(res.status()).toBe(401);
  } finally {
    await anonymous.close();
  }
});
