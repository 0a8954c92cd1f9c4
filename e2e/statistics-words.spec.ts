import { apiGet, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

/**
 * Statistics a marketer can read: the split-run verdict against a z-test worked out here from the API's
 * own figures, a rate with its formula in words, and an event list with headers in words and people as
 * links — in English, then in Dutch.
 */

type Paged<T> = { count: number; total?: number; data: T[] };
type Counter = { total: number | string; unique?: number | string };
type Group = { ID: string; name: string };
type Emailing = { id: string; testgroups?: number | string; target: { sources: { id: string; type: string }[] } };

const n = (v: unknown) => Number(v ?? 0);
const pct = (num: number, den: number, locale: 'en' | 'nl') =>
  new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(num / den);

test('a split run names its winner and says how sure it is; rates and events speak plain English and Dutch', async ({ page }) => {
  // two languages, three pages and two axe scans: well under a minute on a quiet machine, more with four browsers on two cores
  test.setTimeout(180_000);
  await signIn(page, '/databases');
  const list = await apiGet<Paged<Emailing>>(page, 'publisher/emailings?limit=1000');
  const split = list.data.find((e) => n(e.testgroups) > 0);
  expect(split, 'the demo has a split run').toBeTruthy();
  const e = split as Emailing;

  // The API's figures per test group: unique opens and delivered messages (the group's deliveries list).
  const groups = (await apiGet<Paged<Group>>(page, `publisher/emailing/${e.id}/testgroups`)).data;
  const figures = [];
  for (const g of groups) {
    const s = await apiGet<{ impressions: Counter }>(page, `publisher/testgroup/${g.ID}/statistics`);
    const delivered = n((await apiGet<Paged<unknown>>(page, `publisher/testgroup/${g.ID}/deliveries?limit=1`)).total);
    figures.push({ name: g.name, opens: n(s.impressions.unique), delivered });
  }
  const [a, b] = [...figures].sort((x, y) => y.opens / y.delivered - x.opens / x.delivered) as [(typeof figures)[0], (typeof figures)[0]];
  // Two-proportion z-test by hand: pooled rate, its standard error, z; 95 % two-sided ⇔ |z| > 1.96.
  const pooled = (a.opens + b.opens) / (a.delivered + b.delivered);
  const z = (a.opens / a.delivered - b.opens / b.delivered) / Math.sqrt(pooled * (1 - pooled) * (1 / a.delivered + 1 / b.delivered));
  const enough = figures.every((f) => f.opens >= 5 && f.delivered - f.opens >= 5);
  const significant = groups.length === 2 && enough && Math.abs(z) > 1.959964;

  await page.goto(`/emailings/publisher/${e.id}`);
  const verdict = page.getByTestId('split-run-verdict');
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  // the criterion switch comes before the table, whose header has the same words
  await page.getByRole('region', { name: 'Split run' }).getByText('Open rate', { exact: true }).first().click();
  await expect(page.getByRole('radio', { name: 'Open rate' })).toBeChecked();
  await expect(verdict).toContainText(significant ? `${a.name} wins on open rate` : 'Not yet significant');
  if (enough) {
    await expect(verdict).toContainText(pct(a.opens, a.delivered, 'en'));
    await expect(verdict).toContainText(pct(b.opens, b.delivered, 'en'));
  }
  const s = await apiGet<{ deliveries: Counter; clicks: Counter }>(page, `publisher/emailing/${e.id}/statistics`);
  const clickRate = page.getByTestId('rate-clickRate');
  await expect(clickRate.getByTestId('rate-value')).toHaveText(pct(n(s.clicks.unique), n(s.deliveries.total), 'en'));
  await expect(clickRate.getByTestId('rate-formula')).toHaveText('unique clicks ÷ delivered messages');
  await expectNoA11yViolations(page);

  // The opens list: headers in words, the first open's profile as a link into its database.
  await page.goto(`/emailings/publisher/${e.id}/events/impressions`);
  const first = (await apiGet<Paged<{ profile: string }>>(page, `publisher/emailing/${e.id}/impressions?limit=100`)).data[0];
  const table = page.getByTestId('events-table');
  await expect(table.getByRole('columnheader', { name: 'Time' })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('columnheader', { name: 'Browser or mail app' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'useragent' })).toHaveCount(0);
  const database = e.target.sources.find((x) => x.type === 'database')?.id;
  await expect(
    table
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: String(first?.profile), exact: true }),
  ).toHaveAttribute('href', `/databases/${database}/profiles/${first?.profile}`);

  // The same in Dutch.
  await page.getByText('NL', { exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Tijdstip' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Profiel', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Apparaat' })).toBeVisible();
  await expect(page.getByText(/^Rijen 1–/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`/emailings/publisher/${e.id}`);
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Splitrun' }).getByText('Openingspercentage', { exact: true }).first().click();
  await expect(verdict).toContainText(significant ? `${a.name} wint op openingspercentage` : 'Nog niet significant');
  await expect(clickRate.getByTestId('rate-formula')).toHaveText('unieke kliks ÷ afgeleverde berichten');
  await expect(page.getByTestId('emailing-overview')).not.toContainText('Delivered messages');
});
