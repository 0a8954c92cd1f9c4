import type { Page } from '@playwright/test';
import { apiGet, apiGetAll, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

/**
 * Campaign statistics. Every number on screen is compared with the API's own answer,
 * fetched in the same test through the gateway; formulas are those of docs/api/emailings.md §11.
 */

type Paged<T> = { start: number; limit: number; count: number; total?: number; data: T[] };
type Emailing = {
  id: string;
  timestamp: string;
  subject: string;
  destinations: string | number;
  document?: string;
  target: { type: string; sources: { id: string; type: string }[] };
};
type Counter = { total: number | string; unique?: number | string };
type Stats = {
  destinations: number | string;
  deliveries: Counter;
  errors: Counter;
  impressions: Counter;
  clicks: Counter;
  unsubscribes: Counter;
  abuses: Counter;
  dominant_results?: Record<string, number | string>;
};

const n = (v: unknown) => Number(v ?? 0);
const int = (v: unknown) => new Intl.NumberFormat('en-GB').format(n(v));
/** formatRate of the SPA for rates ≥ 1 %: one decimal, en-GB. */
const pct = (num: number, den: number) => (den > 0 ? `${((100 * num) / den).toFixed(1)}%` : '—');

async function emailings(page: Page, system: 'publisher' | 'ms') {
  return apiGetAll<Emailing>(page, `${system}/emailings`);
}

const newest = (list: Emailing[]) => [...list].sort((a, b) => b.timestamp.localeCompare(a.timestamp) || n(b.id) - n(a.id));

test('the Publisher list shows every emailing but test sends, newest first, with rates from each one’s statistics', async ({ page }) => {
  await signIn(page, '/emailings');
  const list = await apiGetAll<Emailing>(page, 'publisher/emailings?test=no');
  expect(list.length).toBeGreaterThan(0);
  await expect(page.getByText(`${list.length} emailing`)).toBeVisible();
  const first = newest(list)[0] as Emailing;
  const row = page.getByTestId(`emailing-row-publisher:${first.id}`);
  await expect(page.locator('[data-testid^="emailing-row-"]').first()).toHaveAttribute('data-testid', `emailing-row-publisher:${first.id}`);
  await expect(row.getByRole('link', { name: first.subject, exact: true })).toBeVisible();
  const stats = await apiGet<Stats>(page, `publisher/emailing/${first.id}/statistics`);
  // open rate = unique opens ÷ delivered messages
  await expect(row.getByTestId('row-openRate')).toHaveText(pct(n(stats.impressions.unique), n(stats.deliveries.total)));
  await expectNoA11yViolations(page);
});

test('Marketing Suite rows fetch their statistics in parallel, not one after the other', async ({ page }) => {
  await signIn(page, '/databases');
  const started: number[] = [];
  const finished: number[] = [];
  page.on('request', (r) => {
    if (/\/api\/v3\/ms\/emailing\/\d+\/statistics$/.test(new URL(r.url()).pathname)) started.push(Date.now());
  });
  page.on('requestfinished', (r) => {
    if (/\/api\/v3\/ms\/emailing\/\d+\/statistics$/.test(new URL(r.url()).pathname)) finished.push(Date.now());
  });
  await page.goto('/emailings?system=ms');
  const list = await emailings(page, 'ms');
  const visible = Math.min(list.length, 25);
  await expect(page.locator('[data-testid^="emailing-row-ms:"]')).toHaveCount(visible);
  await expect.poll(() => finished.length).toBe(visible);
  if (visible > 1) expect(started[1] as number).toBeLessThanOrEqual(finished[0] as number);
  for (const e of newest(list).slice(0, 3)) {
    const stats = await apiGet<Stats>(page, `ms/emailing/${e.id}/statistics`);
    await expect(page.getByTestId(`emailing-row-ms:${e.id}`).getByTestId('row-openRate')).toHaveText(
      pct(n(stats.impressions.unique), n(stats.deliveries.total)),
    );
  }
  await expectNoA11yViolations(page);
});

for (const system of ['publisher', 'ms'] as const) {
  test(`the ${system} emailing page shows the API's key figures, rates and dominant results`, async ({ page }) => {
    await signIn(page, '/databases');
    const list = await emailings(page, system);
    const biggest = [...list].sort((a, b) => n(b.destinations) - n(a.destinations))[0] as Emailing;
    await page.goto(`/emailings/${system}/${biggest.id}`);
    await expect(page.getByTestId('emailing-overview')).toBeVisible();
    const s = await apiGet<Stats>(page, `${system}/emailing/${biggest.id}/statistics`);
    const figure = (id: string) => page.getByTestId(`figure-${id}`).getByTestId('figure-value');
    await expect(figure('destinations')).toHaveText(int(s.destinations));
    await expect(figure('deliveries')).toHaveText(int(s.deliveries.total));
    await expect(figure('impressionsTotal')).toHaveText(int(s.impressions.total));
    await expect(figure('impressionsUnique')).toHaveText(int(s.impressions.unique));
    await expect(figure('clicksUnique')).toHaveText(int(s.clicks.unique));
    await expect(figure('clicksTotal')).toHaveText(int(s.clicks.total));
    await expect(figure('errors')).toHaveText(int(s.errors.total));
    await expect(figure('unsubscribes')).toHaveText(int(s.unsubscribes.total));
    await expect(figure('abuses')).toHaveText(int(s.abuses.total));

    const rate = (id: string) => page.getByTestId(`rate-${id}`).getByTestId('rate-value');
    await expect(rate('openRate')).toHaveText(pct(n(s.impressions.unique), n(s.deliveries.total)));
    await expect(rate('percentageOpened')).toHaveText(pct(n(s.impressions.unique), n(s.destinations)));
    await expect(rate('clickRate')).toHaveText(pct(n(s.clicks.unique), n(s.deliveries.total)));
    await expect(rate('clickToOpenRate')).toHaveText(pct(n(s.clicks.unique), n(s.impressions.unique)));
    const d = s.dominant_results ?? {};
    await expect(rate('ctr')).toHaveText(pct(n(d.clicks), n(d.impressions) + n(d.clicks)));

    // Copernica's "No response" = delivered without reaction + destinations without any result (§7.3)
    const reacted = ['errors', 'deliveries', 'impressions', 'clicks', 'unsubscribes', 'abuses'].reduce((a, k) => a + n(d[k]), 0);
    await expect(page.getByTestId('dominant-noResponse').getByTestId('dominant-value')).toHaveText(
      int(n(d.deliveries) + Math.max(0, n(d.destinations) - reacted)),
    );

    // the popover says the formula in words; the API's names only as the developer detail
    await page.getByRole('button', { name: 'How is “Click-to-open rate” computed?' }).click();
    await expect(page.getByTestId('figure-formula')).toHaveText('unique clicks ÷ unique opens');
    await expect(page.getByTestId('figure-api')).toHaveText('clicks.unique / impressions.unique');
    await page.keyboard.press('Escape');

    // opens over time: its windows load once the chart scrolls into view; it is drawn when all are in
    await page.getByRole('region', { name: 'Opens and clicks over time' }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId('timeline-chart').locator('[data-chart="line"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('timeline-chart').locator('[data-chart-line]')).toHaveCount(2); // opens and clicks
    await expectNoA11yViolations(page);
  });
}

test('time series: the per-window numbers add up to what the API says for the whole period', async ({ page }) => {
  await signIn(page, '/databases');
  const e = newest(await emailings(page, 'publisher'))[0] as Emailing;
  await page.goto(`/emailings/publisher/${e.id}`);
  const region = page.getByRole('region', { name: 'Opens and clicks over time' });
  await region.getByText('Daily (up to 30 days)').click();
  await region.getByRole('button', { name: 'Show the numbers as a table' }).click({ timeout: 30_000 });
  const rows = region.locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const firstBegin = (await rows.first().locator('td').first().textContent()) ?? '';
  const lastBegin = (await rows.last().locator('td').first().textContent()) ?? '';
  const end = new Date(`${lastBegin.replace(' ', 'T')}Z`).getTime() + 86_400_000;
  const endText = new Date(end).toISOString().slice(0, 19).replace('T', ' ');
  const whole = await apiGet<Stats>(
    page,
    `publisher/emailing/${e.id}/statistics?begintime=${encodeURIComponent(firstBegin)}&endtime=${encodeURIComponent(endText)}`,
  );
  const cumulativeOpens = await rows.last().locator('td').nth(5).textContent();
  expect(cumulativeOpens).toBe(int(whole.impressions.total));
  const cumulativeClicks = await rows.last().locator('td').nth(6).textContent();
  expect(cumulativeClicks).toBe(int(whole.clicks.total));
});

test('top links and errors are counted from the whole event lists', async ({ page }) => {
  await signIn(page, '/databases');
  // the smallest emailing with clicks keeps this test quick
  const list = (await emailings(page, 'publisher'))
    .filter((x) => n(x.destinations) > 0)
    .sort((a, b) => n(a.destinations) - n(b.destinations));
  let chosen: Emailing | undefined;
  for (const e of list) {
    const s = await apiGet<Stats>(page, `publisher/emailing/${e.id}/statistics`);
    if (n(s.clicks.total) > 0 && n(s.errors.total) > 0) {
      chosen = e;
      break;
    }
  }
  test.skip(!chosen, 'no emailing with clicks and errors in the demo');
  const e = chosen as Emailing;
  await page.goto(`/emailings/publisher/${e.id}?tab=links`);
  const clicks = await apiGetAll<{ link_id?: string; link: string; destination: string }>(page, `publisher/emailing/${e.id}/clicks`);
  const byLink = new Map<string, { total: number; dest: Set<string> }>();
  for (const c of clicks) {
    const k = c.link_id || c.link;
    const g = byLink.get(k) ?? { total: 0, dest: new Set<string>() };
    g.total++;
    g.dest.add(String(c.destination));
    byLink.set(k, g);
  }
  const top = [...byLink.values()].sort((a, b) => b.total - a.total)[0];
  const firstRow = page.getByTestId('top-links').locator('tbody tr').first();
  await expect(firstRow.locator('td').nth(1)).toHaveText(int(top?.total));
  await expect(firstRow.locator('td').nth(2)).toHaveText(int(top?.dest.size));
  await expect(page.getByTestId('top-links').locator('tbody tr')).toHaveCount(byLink.size);
  await expectNoA11yViolations(page);

  await page.getByRole('tab', { name: 'Errors' }).click();
  const errors = await apiGetAll<{ errortype: string }>(page, `publisher/emailing/${e.id}/errors`);
  const types = new Map<string, number>();
  for (const x of errors) types.set(x.errortype, (types.get(x.errortype) ?? 0) + 1);
  const table = page.getByTestId('errors-by-type');
  await expect(table.locator('tbody tr')).toHaveCount(types.size);
  for (const [type, count] of types) {
    await expect(table.locator('tbody tr', { hasText: type }).first().locator('td').nth(1)).toHaveText(int(count));
  }
  await expectNoA11yViolations(page);
});

test('destinations lead to a destination page with its own event timeline', async ({ page }) => {
  await signIn(page, '/databases');
  const e = newest(await emailings(page, 'ms'))[0] as Emailing;
  await page.goto(`/emailings/ms/${e.id}?tab=destinations`);
  const dests = await apiGet<Paged<{ ID: string; profile: string | null }>>(page, `ms/emailing/${e.id}/destinations?limit=50`);
  await expect(page.getByText(`of ${int(dests.total)}`)).toBeVisible();
  const first = dests.data[0] as { ID: string };
  await page.getByRole('link', { name: String(first.ID), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/destinations/${first.ID}$`));
  const types = ['deliveries', 'impressions', 'clicks', 'errors', 'unsubscribes', 'abuses'];
  let events = 0;
  for (const type of types) events += (await apiGetAll(page, `ms/destination/${first.ID}/${type}`)).length;
  if (events === 0) await expect(page.getByText('No events in this list.')).toBeVisible();
  else await expect(page.getByTestId('destination-timeline').locator('tbody tr')).toHaveCount(events);
  const stats = await apiGet<Record<string, Counter>>(page, `ms/destination/${first.ID}/statistics`);
  await expect(page.getByTestId('destination-stat-clicks').getByTestId('destination-stat-value')).toHaveText(int(stats.clicks?.total));
  await expectNoA11yViolations(page);
});

test('an events list exports the whole set as CSV', async ({ page }) => {
  await signIn(page, '/databases');
  // The demo is relative to the clock: the newest emailing may have no unsubscribes yet. Export the
  // list of one that has some, so the file is checked against real rows.
  let e: Emailing | undefined;
  let all: { ID: string }[] = [];
  for (const candidate of newest(await emailings(page, 'ms'))) {
    all = await apiGetAll<{ ID: string }>(page, `ms/emailing/${candidate.id}/unsubscribes`);
    e = candidate;
    if (all.length > 0) break;
  }
  expect(all.length, 'a demo MS emailing with unsubscribes').toBeGreaterThan(0);
  await page.goto(`/emailings/ms/${e?.id}/events/unsubscribes`);
  await expect(page.getByTestId('events-table')).toBeVisible();
  await expectNoA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all unsubscribes as CSV' }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines.length).toBe(all.length + 1); // a header line, then one line per event
  for (const ev of all.slice(0, 5)) expect(text).toContain(`${ev.ID},`);
});

test('the content tab shows the snapshot and renders the HTML without scripts or same-origin', async ({ page }) => {
  await signIn(page, '/databases');
  const e = newest(await emailings(page, 'publisher'))[0] as Emailing;
  await page.goto(`/emailings/publisher/${e.id}?tab=content`);
  const snapshot = await apiGet<{ subject: string }>(page, `publisher/emailing/${e.id}/snapshot`);
  await expect(page.getByTestId('snapshot-subject')).toHaveText(snapshot.subject);
  const frame = page.locator('iframe[title="Email content (scripts disabled)"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  expect(await frame.getAttribute('srcdoc')).not.toBeNull();
  // axe cannot run inside a frame without scripts (that is the point of sandbox=""), and the email's
  // HTML is the sender's content, not Orrery's UI: scan everything else.
  await expectNoA11yViolations(page, { exclude: ['iframe[sandbox]'] });
});

test('“select these profiles” opens the selection builder with the Email condition of the emailing', async ({ page }) => {
  await signIn(page, '/databases');
  const e = newest(await emailings(page, 'publisher'))[0] as Emailing;
  await page.goto(`/emailings/publisher/${e.id}`);
  const link = page.getByTestId('figure-clicksUnique').getByRole('link', { name: 'Select these profiles' });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href')) ?? '';
  const doc = await apiGet<{ name: string }>(page, `publisher/document/${e.document}`);
  const database = e.target.sources.find((s) => s.type === 'database')?.id;
  expect(href.startsWith(`/databases/${database}/selections/new?condition=`)).toBe(true);
  const condition = JSON.parse(decodeURIComponent(href.split('condition=')[1] ?? ''));
  expect(condition).toMatchObject({
    type: 'Email',
    'match-mode': 'match_profiles_that_received_document',
    document: doc.name,
    'required-result': 'anyclick',
    'after-time': e.timestamp,
  });
});

test('the chart drawing is not part of the first page load', async ({ page }) => {
  const html = await (await page.request.get('/sign-in')).text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(await (await page.request.get(s)).text()).not.toContain('data-chart-line');
});

test('devices, mail clients and recipient domains are counted from the API’s own lists', async ({ page }) => {
  await signIn(page, '/databases');
  const list = (await emailings(page, 'publisher'))
    .filter((x) => n(x.destinations) > 10 && x.target.type === 'database')
    .sort((a, b) => n(a.destinations) - n(b.destinations));
  const e = list[0];
  test.skip(!e, 'no Publisher emailing to a database in the demo');
  const emailing = e as Emailing;
  await page.goto(`/emailings/publisher/${emailing.id}?tab=audience`);

  const impressions = await apiGetAll<{ device?: string; destination: string }>(page, `publisher/emailing/${emailing.id}/impressions`);
  const byDevice = new Map<string, number>();
  for (const i of impressions) byDevice.set(i.device || 'unknown', (byDevice.get(i.device || 'unknown') ?? 0) + 1);
  const devices = page.getByTestId('devices');
  await expect(devices.locator('tbody tr')).toHaveCount(byDevice.size);
  for (const [device, count] of byDevice)
    await expect(devices.locator('tbody tr', { hasText: device }).first().locator('td').nth(1)).toHaveText(int(count));

  // recipient domains: destinations → profiles → the database's email field
  const database = emailing.target.sources.find((s) => s.type === 'database')?.id as string;
  const fields = await apiGet<Paged<{ name: string; type: string }>>(page, `database/${database}/fields?limit=1000`);
  const emailField = fields.data.find((f) => f.type === 'email')?.name as string;
  const destinations = await apiGetAll<{ profile: string }>(page, `publisher/emailing/${emailing.id}/destinations`);
  const profiles = await apiGetAll<{ ID: string; fields: Record<string, string> }>(page, `database/${database}/profiles?dataonly=true`);
  const emailOf = new Map(profiles.map((p) => [String(p.ID), p.fields[emailField] ?? '']));
  const domains = new Map<string, number>();
  for (const d of destinations) {
    const address = emailOf.get(String(d.profile)) ?? '';
    const domain = address.includes('@') ? (address.split('@').pop() as string).toLowerCase() : '?';
    domains.set(domain, (domains.get(domain) ?? 0) + 1);
  }
  await page.getByRole('button', { name: /Load all recipient domains/ }).click();
  const table = page.getByTestId('domains');
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(domains.size, 50));
  const [topDomain, topCount] = [...domains.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [string, number];
  await expect(table.locator('tbody tr').first().locator('td').nth(0)).toHaveText(topDomain);
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText(int(topCount));
  await expectNoA11yViolations(page);
});

test('the emailing page speaks Dutch', async ({ page }) => {
  await signIn(page, '/databases');
  const e = newest(await emailings(page, 'ms'))[0] as Emailing;
  await page.getByText('NL', { exact: true }).click();
  await page.goto(`/emailings/ms/${e.id}`);
  await expect(page.getByRole('heading', { name: 'Kerncijfers' })).toBeVisible();
  await expect(page.getByTestId('rate-openRate')).toContainText('Openingspercentage');
  await expect(page.getByRole('tab', { name: 'Bestemmingen' })).toBeVisible();
  await expectNoA11yViolations(page);
});

test('a split run compares its groups with the API’s testgroup statistics', async ({ page }) => {
  await signIn(page, '/databases');
  const split = (await emailings(page, 'publisher')).find((e) => n((e as Emailing & { testgroups?: number }).testgroups) > 0);
  test.skip(!split, 'no split run in the demo');
  const e = split as Emailing;
  await page.goto(`/emailings/publisher/${e.id}`);
  const tests = await apiGet<Paged<{ ID: string; destinations: string }>>(page, `publisher/emailing/${e.id}/testgroups`);
  const final = await apiGet<{ ID: string; destinations: string }>(page, `publisher/emailing/${e.id}/finalgroup`);
  for (const g of [...tests.data, final]) {
    const s = await apiGet<Stats>(page, `publisher/testgroup/${g.ID}/statistics`);
    // a group's delivered messages: the total of its deliveries list (its statistics have none, §5.3)
    const delivered = await apiGet<Paged<unknown>>(page, `publisher/testgroup/${g.ID}/deliveries?limit=1`);
    await expect(page.getByTestId(`group-${g.ID}`).getByTestId('group-openRate')).toHaveText(
      pct(n(s.impressions.unique), n(delivered.total)),
    );
  }
  await expect(page.getByTestId(`group-${final.ID}`)).toContainText('final group');
  await expectNoA11yViolations(page);
});
