/**
 * The emailing page of the largest demo emailing (M1: 200,000 destinations at demo scale 1; the emulator
 * caps it at the size of its target database, see server/emulator/emailings/demo/generate.ts): time until the
 * page is complete (key figures + the drawn time-series chart), API calls it makes, JS it loads.
 * Real stack: emulator + gateway serving the built SPA, driven in Chromium through Playwright's library API.
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { launchChromium } from './browser.ts';

// M1 needs 200,000 recipients in the Customers database (≈70 % of the profiles): 300,000 profiles give that.
const PROFILES = Number(process.env.BENCH_EMAILING_PROFILES ?? 300_000);
const RUNS = 3;
const TOKEN = `bench-${randomBytes(8).toString('hex')}`;

type Measured = {
  keyFiguresMs: number;
  completeMs: number;
  apiCalls: number;
  apiCallsByPath: Record<string, number>;
  jsFiles: number;
  jsBytes: number;
  jsGzipBytes: number;
  slowestApiMs: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(page: Page, url: string): Promise<Measured> {
  const api: { path: string; start: number; end?: number }[] = [];
  const js = new Map<string, { bytes: number; gzip: number }>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/v3/')) api.push({ path: u.pathname, start: performance.now() });
  });
  page.on('requestfinished', async (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/v3/')) {
      const entry = api.find((a) => a.path === u.pathname && a.end === undefined);
      if (entry) entry.end = performance.now();
    }
    if (r.resourceType() === 'script') {
      // what came over the wire, and what it would be gzipped (the gateway may serve it uncompressed)
      const body = (await (await r.response())?.body()) ?? Buffer.alloc(0);
      js.set(u.pathname, { bytes: (await r.sizes()).responseBodySize, gzip: gzipSync(body).length });
    }
  });
  const t0 = performance.now();
  await page.goto(url);
  await page.getByTestId('figure-destinations').waitFor({ timeout: 120_000 });
  const keyFiguresMs = performance.now() - t0;
  // the time series loads its windows once it scrolls into view, as a reader would
  await page.getByRole('region', { name: 'Opens and clicks over time' }).scrollIntoViewIfNeeded();
  await page.locator('[data-testid="timeline-chart"] [data-chart-line]').waitFor({ timeout: 240_000 });
  const completeMs = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const apiCallsByPath: Record<string, number> = {};
  for (const a of api) {
    const key = a.path.replace(/\/\d+/g, '/:id');
    apiCallsByPath[key] = (apiCallsByPath[key] ?? 0) + 1;
  }
  return {
    keyFiguresMs: Math.round(keyFiguresMs),
    completeMs: Math.round(completeMs),
    apiCalls: api.length,
    apiCallsByPath,
    jsFiles: js.size,
    jsBytes: [...js.values()].reduce((a, b) => a + b.bytes, 0),
    jsGzipBytes: [...js.values()].reduce((a, b) => a + b.gzip, 0),
    slowestApiMs: Math.round(Math.max(0, ...api.map((a) => (a.end ?? a.start) - a.start))),
  };
}

export default async function run(): Promise<Record<string, unknown>> {
  const root = process.cwd();
  const dist = path.join(root, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const { startEmulator } = await import('../server/emulator/index.ts');
  const { startGateway } = await import('../server/gateway/index.ts');
  const { createLogger } = await import('../server/gateway/log.ts');

  const seedStart = performance.now();
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, dbPath: ':memory:', profiles: PROFILES, token: TOKEN, log: false });
  const seedMs = Math.round(performance.now() - seedStart);
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    apiUrl: emulator.url,
    sessionSecret: randomBytes(32).toString('hex'),
    staticDir: dist,
    logger: createLogger('quiet'),
  });
  const browser = await launchChromium();
  try {
    // The largest emailing of either system, asked from the API itself.
    type Item = { id: string; destinations: string | number };
    const list = async (system: string) =>
      (
        (await (await fetch(`${emulator.url}/v3/${system}/emailings?limit=1000&access_token=${TOKEN}`)).json()) as { data: Item[] }
      ).data.map((e) => ({ system, ...e }));
    const all = [...(await list('publisher')), ...(await list('ms'))].sort((a, b) => Number(b.destinations) - Number(a.destinations));
    const largest = all[0];
    if (!largest) throw new Error('the demo has no emailings');
    const url = `${gateway.url}/emailings/${largest.system}/${largest.id}`;

    const runs: Measured[] = [];
    for (let i = 0; i < RUNS; i++) {
      // a fresh context per run: empty browser cache and an empty TanStack Query cache
      const context = await browser.newContext();
      const signIn = await context.request.post(`${gateway.url}/auth/token`, {
        headers: { 'X-Requested-With': 'orrery' },
        data: { access_token: TOKEN },
      });
      if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
      const page = await context.newPage();
      runs.push(await measure(page, url));
      await context.close();
    }
    const result = {
      profiles: PROFILES,
      seedSeconds: Math.round(seedMs / 100) / 10,
      emailing: `${largest.system}/${largest.id}`,
      destinations: Number(largest.destinations),
      runs: RUNS,
      keyFiguresMsMedian: median(runs.map((r) => r.keyFiguresMs)),
      completePageMsMedian: median(runs.map((r) => r.completeMs)),
      completePageMsRuns: runs.map((r) => r.completeMs),
      apiCalls: runs[0]?.apiCalls,
      apiCallsByPath: runs[0]?.apiCallsByPath,
      slowestApiCallMs: median(runs.map((r) => r.slowestApiMs)),
      jsFiles: runs[0]?.jsFiles,
      jsKiBOnTheWire: Math.round(((runs[0]?.jsBytes ?? 0) / 1024) * 10) / 10,
      jsKiBGzipped: Math.round(((runs[0]?.jsGzipBytes ?? 0) / 1024) * 10) / 10,
    };
    console.log(result);
    return result;
  } finally {
    await browser.close();
    await gateway.close();
    await emulator.close();
  }
}
