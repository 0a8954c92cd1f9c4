import { apiGet, apiGetAll, expect, expectNoA11yViolations, signIn, test } from './fixtures.ts';

/**
 * Statistics a marketer can trust: the click map against the API's click list, test sends out of the
 * period overview unless switched on, and the Compare tab's own picker. One journey, every figure
 * checked against the API's answer.
 */

type Emailing = { id: string; timestamp: string; subject: string; clicks?: string; destinations: string | number };
type Stats = {
  destinations: number | string;
  deliveries: { total: number | string };
  impressions: { unique: number | string };
  clicks: { total: number | string; unique: number | string };
};
type Click = { link: string; destination: string };

const n = (v: unknown) => Number(v ?? 0);
const int = (v: unknown) => new Intl.NumberFormat('en-GB').format(n(v));

test('click map, test sends out of the period overview, and picking emailings on the Compare tab', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, '/databases');
  const normal = await apiGetAll<Emailing>(page, 'publisher/emailings?test=no');
  const tests = await apiGetAll<Emailing>(page, 'publisher/emailings?test=yes');
  const ms = await apiGetAll<Emailing>(page, 'ms/emailings');
  test.skip(tests.length === 0 || normal.length < 2, 'needs a test send and two other Publisher emailings');

  // 1. The click map: every badge carries the click list's own numbers for its link.
  const clicked = [...normal].filter((e) => n(e.clicks) > 0).sort((a, b) => n(a.clicks) - n(b.clicks))[0] as Emailing;
  await page.goto(`/emailings/publisher/${clicked.id}?tab=content`);
  const clicks = await apiGetAll<Click>(page, `publisher/emailing/${clicked.id}/clicks`);
  const byUrl = new Map<string, { total: number; destinations: Set<string> }>();
  for (const c of clicks) {
    const f = byUrl.get(c.link) ?? { total: 0, destinations: new Set<string>() };
    f.total++;
    f.destinations.add(c.destination);
    byUrl.set(c.link, f);
  }
  const frame = page.locator('iframe[title="Email content (scripts disabled)"]');
  await expect(frame).toHaveAttribute('srcdoc', /data-clickmap-badge/, { timeout: 30_000 });
  await expect(frame).toHaveAttribute('sandbox', '');
  const badges = await frame.evaluate((el) =>
    [...new DOMParser().parseFromString(el.getAttribute('srcdoc') ?? '', 'text/html').querySelectorAll('span[data-clickmap-badge]')].map(
      (b) => ({
        url: b.getAttribute('data-url') ?? '',
        text: b.textContent ?? '',
      }),
    ),
  );
  expect(badges.length).toBeGreaterThan(0);
  for (const b of badges) {
    const f = byUrl.get(b.url);
    expect(f, b.url).toBeDefined();
    const share = `${((100 * (f?.total ?? 0)) / clicks.length).toFixed(1)}%`;
    expect(b.text).toBe(`${int(f?.destinations.size)} unique · ${int(f?.total)} total · ${share}`);
  }
  // Links that were clicked but have no place in the message are listed beside it.
  const placed = new Set(badges.map((b) => b.url));
  const unplaced = [...byUrl.keys()].filter((u) => !placed.has(u));
  if (unplaced.length) await expect(page.getByTestId('clickmap-unmatched')).toContainText(unplaced[0] as string);
  await expectNoA11yViolations(page, { exclude: ['iframe[sandbox]'] });
  await page.getByRole('switch', { name: 'Show clicks on the links' }).focus();
  await page.keyboard.press('Space');
  await expect(frame).not.toHaveAttribute('srcdoc', /data-clickmap-badge/);

  // 2. The period overview leaves the test send out, until the switch brings it in; bars, not a line.
  const from = '2000-01-01';
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/statistics?from=${from}&to=${to}`);
  const sum = async (list: { e: Emailing; system: string }[]) =>
    (await Promise.all(list.map(({ e, system }) => apiGet<Stats>(page, `${system}/emailing/${e.id}/statistics`)))).reduce(
      (total, s) => total + n(s.destinations),
      0,
    );
  const without = [...normal.map((e) => ({ e, system: 'publisher' })), ...ms.map((e) => ({ e, system: 'ms' }))];
  const value = (id: string) => page.getByTestId(`period-${id}`).getByTestId('period-value');
  await expect(value('sentMailings')).toHaveText(int(without.length), { timeout: 30_000 });
  await expect(value('totalSent')).toHaveText(int(await sum(without)));
  const chart = page.getByRole('region', { name: 'Rates per emailing by send date' });
  await chart.scrollIntoViewIfNeeded(); // a chart is drawn when it comes near the viewport
  await expect(chart.locator('[data-chart-bar]').first()).toBeVisible();
  await expect(chart.locator('[data-chart-line]')).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByRole('switch', { name: 'Include test sends' }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/tests=include/);
  const all = [...without, ...tests.map((e) => ({ e, system: 'publisher' }))];
  await expect(value('sentMailings')).toHaveText(int(all.length), { timeout: 30_000 });
  await expect(value('totalSent')).toHaveText(int(await sum(all)));
  await expect(page.getByTestId('period-emailings')).toContainText(tests[0]?.subject as string);

  // 3. Compare: two emailings picked on the Compare tab itself, with the API's figures.
  await page.goto('/statistics/compare');
  const picks = [...normal].sort((a, b) => b.timestamp.localeCompare(a.timestamp)).slice(0, 2);
  const picker = page.getByRole('combobox', { name: 'Emailings to compare' });
  for (const e of picks) {
    await picker.fill(`#${e.id}`);
    await page.getByRole('option', { name: new RegExp(`Publisher #${e.id}$`) }).click();
  }
  await expect(page).toHaveURL(new RegExp(`e=publisher%3A${picks[0]?.id}&e=publisher%3A${picks[1]?.id}`));
  for (const [i, e] of picks.entries()) {
    const s = await apiGet<Stats>(page, `publisher/emailing/${e.id}/statistics`);
    await expect(page.getByTestId('compare-clicksUnique').locator('td').nth(i)).toHaveText(int(s.clicks.unique));
    // Open rate: unique opens ÷ delivered messages (src/features/emailings/metric-definitions.ts).
    await expect(page.getByTestId('compare-openRate').locator('td').nth(i)).toHaveText(
      `${((100 * n(s.impressions.unique)) / n(s.deliveries.total)).toFixed(1)}%`,
    );
  }
  // The test send is not offered while test sends are left out.
  await picker.fill(`#${tests[0]?.id}`);
  await expect(page.getByRole('option', { name: new RegExp(`#${tests[0]?.id}$`) })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expectNoA11yViolations(page);
});
