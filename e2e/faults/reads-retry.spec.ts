import { apiGet, expect as baseExpect, test } from '../fixtures.ts';
import { errorAnswer, interceptPath, leaveSignInPage } from './reads-helpers.ts';

// A shared machine can be slow to render: generous waits for what must appear; what must not happen is checked exactly.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

type Paged<T> = { count: number; data: T[] };

/** Reads are retried 3 times (1 s, 2 s, 4 s + up to 20 %); the clock is faked so no test really waits. */
test.describe('retrying reads', () => {
  test('a list answered 503 twice renders on the third try, exactly 3 requests, 1 s and 2 s apart', async ({ signedIn: page }) => {
    const first = (await apiGet<Paged<{ ID: string; name: string }>>(page, 'databases?start=0&limit=100')).data[0];
    await leaveSignInPage(page);
    await page.clock.install();
    const calls = await interceptPath(page, 'databases', (route, n) =>
      n <= 2 ? errorAnswer(route, 503, 'Service Unavailable') : route.fallback(),
    );
    await page.goto('/databases');
    await expect.poll(calls.count).toBe(1);
    await expect(page.getByTestId('retry-countdown')).toContainText('Trying again in');
    await page.clock.fastForward(1200);
    await expect.poll(calls.count).toBe(2);
    await page.clock.fastForward(2400);
    await expect(page.getByRole('link', { name: first?.name, exact: true }).first()).toBeVisible();
    expect(calls.count()).toBe(3);
    const [gap1 = 0, gap2 = 0] = calls.gaps();
    expect(gap1).toBeGreaterThanOrEqual(1000);
    expect(gap2).toBeGreaterThanOrEqual(2000);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  });

  test('a list that always fails with 500: 4 attempts, then an error with Retry inside the page; the shell stays usable', async ({
    signedIn: page,
  }) => {
    await leaveSignInPage(page);
    await page.clock.install();
    let failing = true;
    const calls = await interceptPath(page, 'databases', (route) =>
      failing ? errorAnswer(route, 500, 'Internal server error') : route.fallback(),
    );
    await page.goto('/databases');
    await expect.poll(calls.count).toBe(1);
    for (const [n, wait] of [
      [2, 1200],
      [3, 2400],
      [4, 4800],
    ] as const) {
      await page.clock.fastForward(wait);
      await expect.poll(calls.count).toBe(n);
    }
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('Internal server error (HTTP 500)');
    await page.clock.fastForward(10_000);
    expect(calls.count()).toBe(4);

    // Retry asks again (and the policy retries again); once the API is back the list shows.
    failing = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { name: 'Databases' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    expect(calls.count()).toBe(5);

    // The shell never went away: navigation works.
    await page.getByRole('link', { name: 'Emailings' }).click();
    await expect(page).toHaveURL(/\/emailings/);
  });

  test('429 with Retry-After 2: the next try is not earlier, and the shell counts down', async ({ signedIn: page }) => {
    await leaveSignInPage(page);
    await page.clock.install();
    const calls = await interceptPath(page, 'databases', (route, n) =>
      n === 1 ? errorAnswer(route, 429, 'Too many requests', { 'Retry-After': '2' }) : route.fallback(),
    );
    await page.goto('/databases');
    await expect(page.getByTestId('retry-countdown')).toHaveText('The server is busy. Trying again in 2 s…');
    expect(calls.count()).toBe(1);
    await page.clock.fastForward(2000);
    await expect(page.getByRole('table')).toBeVisible();
    expect(calls.count()).toBe(2);
    expect(calls.gaps()[0]).toBeGreaterThanOrEqual(2000);
    await expect(page.getByTestId('retry-countdown')).toHaveCount(0);
  });

  test('503 with Retry-After as an HTTP date: waits until that moment', async ({ signedIn: page }) => {
    await leaveSignInPage(page);
    await page.clock.install();
    const calls = await interceptPath(page, 'databases', async (route, n) => {
      if (n > 1) return route.fallback();
      // Three seconds ahead, rounded up to a whole second as HTTP dates are.
      const now = await page.evaluate(() => Date.now());
      const at = new Date(Math.ceil((now + 3000) / 1000) * 1000).toUTCString();
      await errorAnswer(route, 503, 'Maintenance', { 'Retry-After': at });
    });
    await page.goto('/databases');
    await expect(page.getByTestId('retry-countdown')).toContainText('The server is busy. Trying again in');
    await page.clock.fastForward(2900);
    expect(calls.count()).toBe(1);
    await page.clock.fastForward(1100);
    await expect(page.getByRole('table')).toBeVisible();
    expect(calls.count()).toBe(2);
    expect(calls.gaps()[0]).toBeGreaterThanOrEqual(3000);
  });

  test('the API gone (502 at once): a service-unavailable state, and it recovers without reloading', async ({ signedIn: page }) => {
    await leaveSignInPage(page);
    await page.clock.install();
    let gone = true;
    const calls = await interceptPath(page, 'databases', (route) => (gone ? errorAnswer(route, 502, 'Bad Gateway') : route.fallback()));
    await page.goto('/databases');
    await expect.poll(calls.count).toBe(1);
    for (const wait of [1200, 2400, 4800]) await page.clock.fastForward(wait);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('Service unavailable');
    await expect(alert).toContainText('The service cannot be reached right now.');
    expect(calls.count()).toBe(4);

    gone = false;
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('table')).toBeVisible();
    expect(navigations).toEqual([]);
  });

  test('a hung API: "Still loading…" after 5 s, then the read gives up at its deadline with Retry', async ({ signedIn: page }) => {
    await leaveSignInPage(page);
    await page.clock.install();
    const calls = await interceptPath(page, 'databases', () => new Promise<void>(() => {})); // never answers
    await page.goto('/databases');
    await expect.poll(calls.count).toBe(1);
    await expect(page.getByTestId('still-loading')).toHaveCount(0);
    await page.clock.fastForward(5000);
    await expect(page.getByTestId('still-loading')).toHaveText('Still loading…');
    // The attempt is abandoned after 35 s, tried once more after 1 s, and the whole read ends at 45 s.
    await page.clock.fastForward(30_000);
    await page.clock.fastForward(1200);
    await expect.poll(calls.count).toBe(2);
    await page.clock.fastForward(10_000);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('The server did not answer in time.');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByTestId('still-loading')).toHaveCount(0);
    expect(calls.count()).toBe(2);
  });
});
