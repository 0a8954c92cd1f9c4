import { apiGet, apiGetAll, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

/** Account-wide statistics: period overview, the overall event lists, comparing emailings. */

type Paged<T> = { count: number; total?: number; data: T[] };
type Emailing = { id: string; timestamp: string; subject: string; destinations: string | number };
type Stats = {
  destinations: number | string;
  deliveries: { total: number | string };
  impressions: { total: number | string; unique: number | string };
  clicks: { total: number | string; unique: number | string };
};

const n = (v: unknown) => Number(v ?? 0);
const int = (v: unknown) => new Intl.NumberFormat('en-GB').format(n(v));

test('the period overview sums every emailing of both systems sent in the period, test sends left out', async ({ page }) => {
  await signIn(page, '/databases');
  const from = '2000-01-01';
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/statistics?from=${from}&to=${to}`);
  const all = [
    ...(await apiGetAll<Emailing>(page, `publisher/emailings?test=no&fromdate=${from}%2000:00:00`)).map((e) => ({
      ...e,
      system: 'publisher',
    })),
    ...(await apiGetAll<Emailing>(page, `ms/emailings?fromdate=${from}%2000:00:00`)).map((e) => ({ ...e, system: 'ms' })),
  ];
  await expect(page.getByTestId('period-sentMailings').getByTestId('period-value')).toHaveText(int(all.length), { timeout: 30_000 });
  let destinations = 0;
  let impressionsUnique = 0;
  let clicksTotal = 0;
  for (const e of all) {
    const s = await apiGet<Stats>(page, `${e.system}/emailing/${e.id}/statistics`);
    destinations += n(s.destinations);
    impressionsUnique += n(s.impressions.unique);
    clicksTotal += n(s.clicks.total);
  }
  await expect(page.getByTestId('period-totalSent').getByTestId('period-value')).toHaveText(int(destinations));
  await expect(page.getByTestId('period-impressionsUnique').getByTestId('period-value')).toHaveText(int(impressionsUnique));
  await expect(page.getByTestId('period-clicksTotal').getByTestId('period-value')).toHaveText(int(clicksTotal));
  // Copernica's own "percentage opened" = unique opens ÷ messages sent
  await expect(page.getByTestId('period-percentageOpened').getByTestId('period-value')).toHaveText(
    `${((100 * impressionsUnique) / destinations).toFixed(1)}%`,
  );
  await expect(page.getByTestId('period-emailings').locator('tbody tr')).toHaveCount(all.length);
  await expectNoA11yViolations(page);
});

for (const system of ['publisher', 'ms'] as const) {
  test(`the account-wide ${system} click list pages through the API's list`, async ({ page }) => {
    await signIn(page, `/statistics/events?system=${system}&type=clicks`);
    const first = await apiGet<Paged<{ ID: string }>>(page, `${system}/clicks?limit=100`);
    await expect(page.getByText(`Items 1–${first.count} of ${int(first.total)}`)).toBeVisible();
    await expect(page.getByTestId('events-table').locator('tbody tr')).toHaveCount(first.count);
    await expect(page.getByTestId('events-table').locator('tbody tr').first().locator('td').first()).toHaveText(String(first.data[0]?.ID));
    await expectNoA11yViolations(page);
  });
}

test('a time filter narrows an account-wide list the documented way', async ({ page }) => {
  await signIn(page, '/statistics/events?system=ms&type=impressions');
  const sample = await apiGet<Paged<{ timestamp: string }>>(page, 'ms/impressions?limit=1');
  const day = sample.data[0]?.timestamp.slice(0, 10) ?? '2026-01-01';
  await page.getByLabel('From').fill(day);
  await page.getByLabel('Until').fill(day);
  await page.getByRole('button', { name: 'Apply' }).click();
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const expected = await apiGet<Paged<unknown>>(
    page,
    `ms/impressions?limit=100&begintime=${encodeURIComponent(`${day} 00:00:00`)}&endtime=${encodeURIComponent(`${next.toISOString().slice(0, 10)} 00:00:00`)}`,
  );
  await expect(page.getByText(`of ${int(expected.total)}`)).toBeVisible();
});

test('compare: two emailings chosen on the list, side by side with the API’s figures', async ({ page }) => {
  await signIn(page, '/emailings');
  const list = (await apiGetAll<Emailing>(page, 'publisher/emailings?test=no')).sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  test.skip(list.length < 2, 'needs two Publisher emailings');
  const picks = list.slice(0, 2);
  for (const e of picks) await page.getByTestId(`emailing-row-publisher:${e.id}`).getByRole('checkbox').check();
  await page.getByRole('button', { name: /Compare selected/ }).click();
  await expect(page).toHaveURL(/\/statistics\/compare\?e=publisher%3A/);
  const row = page.getByTestId('compare-clicksUnique');
  for (const [i, e] of picks.entries()) {
    const s = await apiGet<Stats>(page, `publisher/emailing/${e.id}/statistics`);
    await expect(row.locator('td').nth(i)).toHaveText(int(s.clicks.unique));
    await expect(page.getByTestId('compare-openRate').locator('td').nth(i)).toHaveText(
      `${((100 * n(s.impressions.unique)) / n(s.deliveries.total)).toFixed(1)}%`,
    );
  }
  await expectNoA11yViolations(page);
});
