/**
 * Lighthouse (desktop preset, performance only) on five pages of the default demo, signed in: the
 * databases overview, the Customers profiles table, the largest Publisher emailing, the account statistics
 * and a selection (view) editor. Two runs per page; per run: score, TBT, LCP, CLS, request count, main-thread
 * time and the longest tasks (where to look next). Measures; never fails on a number.
 * Targets: score ≥ 95, TBT ≤ 100 ms, LCP ≤ 1.2 s, CLS ≤ 0.02.
 * Real stack: emulator + gateway serving the freshly built SPA in a child process of their own (as `npm start`
 * runs them), so Lighthouse's trace processing here never delays a response there; Lighthouse drives its own
 * headless Chromium.
 * The full reports go to bench/results/lighthouse/<page>-<run>.json (open them in the Lighthouse viewer).
 * Pages: databases, profiles, emailing, statistics, selection (BENCH_LIGHTHOUSE_PAGES picks some); runs:
 * BENCH_LIGHTHOUSE_RUNS. A run whose trace Lighthouse loses is retried and, failing that, listed under `errors`.
 * Each run also records `stealPct`, the CPU time a virtual machine's host took meanwhile: above a few percent the
 * machine was not quiet, and scores drop for reasons outside the app.
 */

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { CHROMIUM_OPTIONS } from './browser.ts';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 2);
/** `BENCH_LIGHTHOUSE_PAGES=emailing,statistics` measures only those pages. */
const only = (process.env.BENCH_LIGHTHOUSE_PAGES ?? '').split(',').filter(Boolean);
const TOKEN = process.env.ORRERY_LIGHTHOUSE_TOKEN ?? `bench-${randomBytes(8).toString('hex')}`;
const ORRERY = { 'X-Requested-With': 'orrery' };

type Run = {
  score: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
  requests: number;
  apiRequests: number;
  mainThreadMs: number;
  longTasksMs: number[];
  /** CPU time the host took from this machine during the run (a busy host makes every number worse); null off Linux. */
  stealPct?: number | null;
};

const round = (n: number | undefined, digits = 0) => Math.round((n ?? 0) * 10 ** digits) / 10 ** digits;

function summarise(lhr: Result): Run {
  const audit = (id: string) => lhr.audits[id];
  const items = (id: string) =>
    ((audit(id)?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []) as Record<string, unknown>[];
  const requests = items('network-requests');
  return {
    score: round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: round(audit('total-blocking-time')?.numericValue),
    lcpMs: round(audit('largest-contentful-paint')?.numericValue),
    cls: round(audit('cumulative-layout-shift')?.numericValue, 3),
    fcpMs: round(audit('first-contentful-paint')?.numericValue),
    requests: requests.length,
    apiRequests: requests.filter((r) => String(r.url).includes('/api/v3/')).length,
    mainThreadMs: round(audit('mainthread-work-breakdown')?.numericValue),
    longTasksMs: items('long-tasks')
      .map((t) => round(Number(t.duration)))
      .slice(0, 6),
  };
}

/** CPU time counters of the whole machine (Linux), to tell how quiet it was during a run. */
function cpuTimes(): number[] | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    return line.startsWith('cpu ') ? line.trim().split(/\s+/).slice(1).map(Number) : null;
  } catch {
    return null;
  }
}

/** Share of the machine's CPU time, between two readings, that a virtual machine's host took for others ("steal"). */
function stealPercent(before: number[] | null, after: number[] | null): number | null {
  if (!before || !after) return null;
  const delta = after.map((v, i) => v - (before[i] ?? 0));
  const total = delta.reduce((a, b) => a + b, 0);
  return total > 0 ? round(((delta[7] ?? 0) / total) * 100, 1) : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/** Child mode: the emulator and a gateway serving `dist`, on free loopback ports; prints the gateway's URL. */
async function serveForBench(dist: string): Promise<void> {
  const { startEmulator } = await import('../server/emulator/index.ts');
  const { startGateway } = await import('../server/gateway/index.ts');
  const { createLogger } = await import('../server/gateway/log.ts');
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, dbPath: ':memory:', token: TOKEN, log: false });
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    apiUrl: emulator.url,
    sessionSecret: randomBytes(32).toString('hex'),
    staticDir: dist,
    logger: createLogger('quiet'),
  });
  console.log(JSON.stringify({ gatewayUrl: gateway.url }));
  process.on('SIGTERM', () => {
    void Promise.allSettled([gateway.close(), emulator.close()]).then(() => process.exit(0));
  });
}

function startServers(dist: string): Promise<{ child: ChildProcess; gatewayUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ORRERY_LIGHTHOUSE_CHILD: dist, ORRERY_LIGHTHOUSE_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    lines.once('line', (line) => resolve({ child, gatewayUrl: (JSON.parse(line) as { gatewayUrl: string }).gatewayUrl }));
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
}

if (process.env.ORRERY_LIGHTHOUSE_CHILD) await serveForBench(process.env.ORRERY_LIGHTHOUSE_CHILD);

export default async function run(): Promise<Record<string, unknown>> {
  const root = process.cwd();
  const dist = path.join(root, 'dist');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const { child, gatewayUrl } = await startServers(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_OPTIONS.executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_OPTIONS.args],
  });
  try {
    // Sign in like the SPA does; Lighthouse then sends the session cookie with every request.
    const signIn = await fetch(`${gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { ...ORRERY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: TOKEN }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const api = async <T>(p: string): Promise<T> => {
      const res = await fetch(`${gatewayUrl}/api/v3/${p}`, { headers: { ...ORRERY, Cookie: cookie } });
      if (!res.ok) throw new Error(`GET ${p}: ${res.status}`);
      return (await res.json()) as T;
    };

    // The pages' IDs, asked from the API itself.
    type List<T> = { data: T[] };
    const databases = await api<List<{ ID: string; name: string }>>('databases?limit=1000');
    const customers = databases.data.find((d) => d.name === 'Customers') ?? databases.data[0];
    if (!customers) throw new Error('the demo has no databases');
    const emailings = await api<List<{ id: string; destinations: string | number }>>('publisher/emailings?limit=1000');
    const largest = [...emailings.data].sort((a, b) => Number(b.destinations) - Number(a.destinations))[0];
    if (!largest) throw new Error('the demo has no Publisher emailings');
    const views = await api<List<{ ID: string }>>(`database/${customers.ID}/views?limit=1`);
    const view = views.data[0];
    if (!view) throw new Error('the Customers database has no selections');

    const pages: Record<string, string> = {
      databases: '/databases',
      profiles: `/databases/${customers.ID}/profiles`,
      emailing: `/emailings/publisher/${largest.id}`,
      statistics: '/statistics',
      selection: `/views/${view.ID}`,
    };
    const reports = path.join(root, 'bench/results/lighthouse');
    mkdirSync(reports, { recursive: true });

    const result: Record<string, unknown> = { emailing: largest.id, destinations: Number(largest.destinations), view: view.ID, runs: RUNS };
    for (const [name, page] of Object.entries(pages)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const runs: Run[] = [];
      const errors: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        // On a busy machine Lighthouse sometimes loses its trace (NO_NAVSTART): try that run again, then move on.
        for (let attempt = 1; attempt <= 3; attempt++) {
          const cpuBefore = cpuTimes();
          const outcome = await lighthouse(
            `${gatewayUrl}${page}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], extraHeaders: { Cookie: cookie } },
            desktopConfig,
          );
          const error = outcome ? outcome.lhr.runtimeError?.message : 'Lighthouse returned nothing';
          if (!outcome || error) {
            errors.push(`run ${i + 1}, attempt ${attempt}: ${error}`);
            continue;
          }
          writeFileSync(path.join(reports, `${name}-${i + 1}.json`), outcome.report as string);
          runs.push({ ...summarise(outcome.lhr), stealPct: stealPercent(cpuBefore, cpuTimes()) });
          break;
        }
      }
      const pick = (key: keyof Run) => runs.map((r) => r[key]);
      result[name] = {
        path: page.replace(/\d+/g, ':id'),
        score: pick('score'),
        tbtMs: pick('tbtMs'),
        lcpMs: pick('lcpMs'),
        cls: pick('cls'),
        fcpMs: pick('fcpMs'),
        requests: pick('requests'),
        apiRequests: pick('apiRequests'),
        mainThreadMs: pick('mainThreadMs'),
        longTasksMs: pick('longTasksMs'),
        stealPct: pick('stealPct'),
        medianScore: median(runs.map((r) => r.score)),
        ...(errors.length > 0 ? { errors } : {}),
      };
      console.log(name, JSON.stringify(result[name]));
    }
    return result;
  } finally {
    chrome.kill();
    child.kill('SIGTERM');
  }
}
