import type { Page } from '@playwright/test';
import { apiGet, apiGetAll, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

/**
 * Publisher event rows lead to their destination. Publisher events name the destination by
 * its `internal` number; the page is addressed by the hash `ID` (docs/api/emailings.md §6). The
 * expected hash is looked up here through the API's destination list, independently of the SPA.
 */

type Paged<T> = { start: number; limit: number; count: number; total?: number; data: T[] };
type Emailing = { id: string; test?: string | boolean; clicks?: string | number; destinations: string | number };
type Destination = { ID: string; internal: string; profile: string | null; subprofile: string | null; timestampsent: string };
type Counter = { total: number | string };

const n = (v: unknown) => Number(v ?? 0);
const int = (v: unknown) => new Intl.NumberFormat('en-GB').format(n(v));
const TYPES = ['deliveries', 'impressions', 'clicks', 'errors', 'unsubscribes', 'abuses'] as const;

/** A Publisher emailing with clicks, small enough for the SPA's lookup cap (10 000 destinations). */
async function publisherWithClicks(page: Page): Promise<Emailing> {
  const list = await apiGetAll<Emailing>(page, 'publisher/emailings');
  const fit = list.filter((e) => n(e.clicks) > 0 && n(e.destinations) <= 10_000).sort((a, b) => n(b.destinations) - n(a.destinations));
  expect(fit.length, 'a Publisher emailing with clicks').toBeGreaterThan(0);
  return fit[0] as Emailing;
}

test('a Publisher click row links to its destination page, whose figures match the API', async ({ page }) => {
  await signIn(page, '/databases');
  const e = await publisherWithClicks(page);
  const hashOf = new Map((await apiGetAll<Destination>(page, `publisher/emailing/${e.id}/destinations`)).map((d) => [d.internal, d]));
  const clicks = await apiGet<Paged<{ ID: string; destination: string }>>(page, `publisher/emailing/${e.id}/clicks?start=0&limit=100`);
  expect(clicks.data.length).toBeGreaterThan(0);

  await page.goto(`/emailings/publisher/${e.id}/events/clicks`);
  const rows = page.getByTestId('events-table').locator('tbody tr');
  await expect(rows).toHaveCount(clicks.data.length);
  // Every row links with the hash of its `internal` number, not with the number itself.
  for (const [i, click] of clicks.data.entries()) {
    const dest = hashOf.get(String(click.destination));
    expect(dest, `destination ${click.destination} is in the emailing's list`).toBeDefined();
    await expect(rows.nth(i).getByRole('link', { name: /^Message / })).toHaveAttribute(
      'href',
      `/emailings/publisher/${e.id}/destinations/${dest?.ID}`,
    );
  }
  await expectNoA11yViolations(page);

  const first = hashOf.get(String(clicks.data[0]?.destination)) as Destination;
  await rows
    .first()
    .getByRole('link', { name: /^Message / })
    .click();
  await expect(page).toHaveURL(new RegExp(`/emailings/publisher/${e.id}/destinations/${first.ID}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Destination ${first.ID}`);

  const stats = await apiGet<Record<string, Counter>>(page, `publisher/destination/${first.ID}/statistics`);
  for (const type of TYPES) {
    await expect(page.getByTestId(`destination-stat-${type}`).getByTestId('destination-stat-value')).toHaveText(int(stats[type]?.total));
  }
  expect(n(stats.clicks?.total)).toBeGreaterThan(0);

  const facts = page.getByTestId('destination-facts');
  await expect(facts).toContainText(first.timestampsent);
  await expect(facts).toContainText(`Internal number: ${first.internal}`);

  // Who received it: the profile, linked into its database when the emailing's target names one.
  const recipient = page.getByTestId('destination-recipient');
  if (first.profile) {
    const link = recipient.getByTestId('recipient-profile');
    await expect(link).toHaveText(`Profile ${first.profile}`);
    await expect(link).toHaveAttribute('href', new RegExp(`/profiles/${first.profile}$`));
    const profile = await apiGet<{ ID?: string; id?: string; database?: string | number }>(page, `profile/${first.profile}`);
    if (profile.database !== undefined) {
      await expect(link).toHaveAttribute('href', `/databases/${profile.database}/profiles/${first.profile}`);
    }
  }
  if (first.subprofile) await expect(recipient).toContainText(`Subprofile ${first.subprofile}`);

  let events = 0;
  for (const type of TYPES) events += (await apiGetAll(page, `publisher/destination/${first.ID}/${type}`)).length;
  await expect(page.getByTestId('destination-timeline').locator('tbody tr')).toHaveCount(events);
  await expectNoA11yViolations(page);
});

test('account-wide Publisher events link to their destinations too', async ({ page }) => {
  await signIn(page, '/databases');
  const clicks = await apiGet<Paged<{ emailing: string; destination: string }>>(page, 'publisher/clicks?start=0&limit=100');
  expect(clicks.data.length).toBeGreaterThan(0);
  const first = clicks.data[0] as { emailing: string; destination: string };
  const dests = await apiGetAll<Destination>(page, `publisher/emailing/${first.emailing}/destinations`);
  const dest = dests.find((d) => d.internal === String(first.destination));
  expect(dest).toBeDefined();

  await page.goto('/statistics/events?system=publisher&type=clicks');
  const row = page.getByTestId('events-table').locator('tbody tr').first();
  await expect(row.getByRole('link', { name: /^Message / })).toHaveAttribute(
    'href',
    `/emailings/publisher/${first.emailing}/destinations/${dest?.ID}`,
  );
  await expectNoA11yViolations(page);
});
