/**
 * Selection builder on the 1,000,000-profile demo, in Chromium through the real gateway: time from a
 * condition change to the updated live count, and the API calls each edit costs, for both count paths:
 * the `fields[]` filter (Field conditions) and the scratch selection (any other type, here Interest).
 * Target: ≤ 1 s from edit to count. Measures; never fails on a number.
 *
 * Uses a copy of the 1M database the emulator-core bench caches in .data/bench/ (opened here with every
 * module, which adds the selection tables, so the core bench's file is never touched).
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Page } from '@playwright/test';
import { openEmulator } from '../server/emulator/index.ts';
import { startGateway } from '../server/gateway/index.ts';
import { createLogger } from '../server/gateway/log.ts';
import { launchChromium } from './browser.ts';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const CORE_FILE = path.resolve(`.data/bench/emulator-core-${PROFILES}.sqlite`);
const FILE = path.resolve(`.data/bench/selection-builder-${PROFILES}.sqlite`);
const TOKEN = 'bench-token';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Runs one edit and waits for the count that belongs to it; returns ms and the API calls it took. */
async function timeEdit(page: Page, calls: string[], edit: () => Promise<void>) {
  const count = page.getByTestId('live-count');
  const before = calls.length;
  const t0 = performance.now();
  await edit();
  await page
    .waitForFunction(() => document.querySelector('[data-testid="live-count"]')?.getAttribute('data-pending') === 'true', undefined, {
      timeout: 2000,
    })
    .catch(() => {});
  await page.waitForFunction(
    () => document.querySelector('[data-testid="live-count"]')?.getAttribute('data-pending') === 'false',
    undefined,
    {
      timeout: 120_000,
    },
  );
  const ms = performance.now() - t0;
  const toCount = calls.slice(before);
  await page.waitForTimeout(2000);
  return {
    ms: Math.round(ms),
    calls: toCount.length,
    callsIncl2sAfter: calls.length - before,
    text: ((await count.textContent()) ?? '').trim(),
    paths: toCount,
  };
}

export default async function run(): Promise<Record<string, unknown>> {
  const root = process.cwd();
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (!fs.existsSync(FILE) && fs.existsSync(CORE_FILE)) fs.copyFileSync(CORE_FILE, FILE);
  const tOpen = performance.now();
  const { app } = openEmulator({ dbPath: FILE, profiles: PROFILES, token: TOKEN });
  const openMs = Math.round(performance.now() - tOpen);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const gateway = await startGateway({
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sessionSecret: randomBytes(32).toString('hex'),
    staticDir: path.join(root, 'dist'),
    port: 0,
    logger: createLogger('quiet'),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const calls: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v3/')) calls.push(`${r.method()} ${u.pathname.slice(8)}`);
    });
    const base = gateway.url;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('account-name').waitFor();
    const dbs = (await (await page.request.get(`${base}/api/v3/databases`, { headers: { 'X-Requested-With': 'orrery' } })).json()) as {
      data: { ID: string; name: string }[];
    };
    const customers = dbs.data.find((d) => d.name === 'Customers')?.ID;
    if (!customers) throw new Error('no Customers database');

    let t = performance.now();
    await page.goto(`${base}/databases/${customers}/selections/new`);
    await page.getByTestId('live-count').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });
    const editorFirstCountMs = Math.round(performance.now() - t);
    await page.getByRole('textbox', { name: 'Name' }).fill('bench_selection');

    // Filter path: a Field condition on city; each edit changes the value.
    const picker = page.getByRole('combobox', { name: 'Add condition' }).last();
    await picker.click();
    await picker.fill('city');
    await page.getByRole('option', { name: 'city', exact: true }).first().waitFor();
    await picker.press('Enter');
    const value = page.getByRole('textbox', { name: 'Value' });
    const filterEdits = [];
    for (const city of ['Delft', 'Leiden', 'Utrecht', 'Groningen', 'Breda'])
      filterEdits.push(await timeEdit(page, calls, () => value.fill(city)));

    // Scratch path: add an Interest condition (not expressible as a filter), then switch the interest.
    await picker.click();
    await picker.fill('Interest');
    await page.getByRole('option', { name: 'Interest', exact: true }).first().waitFor();
    await picker.press('Enter');
    const interest = page.getByRole('combobox', { name: 'Interest' }).last();
    const scratchEdits = [];
    for (let i = 0; i < 4; i++)
      scratchEdits.push(
        await timeEdit(page, calls, async () => {
          await interest.click();
          for (let k = 0; k <= i; k++) await interest.press('ArrowDown');
          await interest.press('Enter');
        }),
      );
    t = performance.now();
    const result = {
      profiles: PROFILES,
      emulatorOpenMs: openMs,
      editorFirstCountMs,
      filterPath: {
        medianMsEditToCount: median(filterEdits.map((e) => e.ms)),
        msEditToCount: filterEdits.map((e) => e.ms),
        apiCallsPerEdit: filterEdits.map((e) => e.calls),
        counts: filterEdits.map((e) => e.text),
      },
      scratchPath: {
        medianMsEditToCount: median(scratchEdits.map((e) => e.ms)),
        msEditToCount: scratchEdits.map((e) => e.ms),
        apiCallsPerEdit: scratchEdits.map((e) => e.calls),
        apiCallsPerEditIncl2sAfter: scratchEdits.map((e) => e.callsIncl2sAfter),
        callsOfOneEdit: scratchEdits[1]?.paths,
        counts: scratchEdits.map((e) => e.text),
      },
      debounceMsIncluded: 250,
      targetMs: 1000,
    };
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    await browser.close();
    await gateway.close();
    server.close();
  }
}
