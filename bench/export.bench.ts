/**
 * Streamed CSV export (/export/…): time and the gateway's memory for a database of 100 000 and of
 * 1 000 000 profiles, and for the largest event list of the 1M demo (its 200 000-destination emailing).
 * The emulator (a temporary file database) and the gateway run as two child processes; the gateway's
 * resident memory is sampled from /proc while the file streams to disk here. For comparison, "held"
 * reads the 100k profiles the way the SPA used to (every page kept, then one CSV string) and reports
 * the heap that took. Heavy (the 1M demo takes a while to generate); measures, never fails on a number.
 * BENCH_EXPORT_SIZES=100000,1000000 picks the sizes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/shared/ports.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '100000,1000000').split(',').map(Number);
const TOKEN = 'bench-export-token-0123456789abcdef';
const SAMPLE_MS = 100;

function node(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in MB, from /proc (Linux); `peak` is the kernel's high-water mark. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

type Servers = {
  emulator: ChildProcess;
  gateway: ChildProcess;
  gatewayUrl: string;
  apiUrl: string;
  cookie: string;
  generateSeconds: number;
};

async function startServers(profiles: number, dir: string): Promise<Servers> {
  const [emulatorPort, gatewayPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${emulatorPort}`;
  const t0 = performance.now();
  const emulator = node('server/emulator/cli.ts', ['--port', String(emulatorPort), '--db', path.join(dir, `demo-${profiles}.sqlite`)], {
    EMULATOR_PROFILES: String(profiles),
    EMULATOR_TOKEN: TOKEN,
  });
  await waitFor(`${apiUrl}/v3/identity?access_token=${TOKEN}`, emulator, 30 * 60_000);
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const gateway = node('server/gateway/cli.ts', [], {
    COPERNICA_API_URL: apiUrl,
    SESSION_SECRET: 'bench-export-session-secret-0123456789abcdef',
    PORT: String(gatewayPort),
    ORRERY_LOG: 'quiet',
  });
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  await waitFor(`${gatewayUrl}/health`, gateway, 60_000);
  const res = await fetch(`${gatewayUrl}/auth/token`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'orrery', 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: TOKEN }),
  });
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { emulator, gateway, gatewayUrl, apiUrl, cookie, generateSeconds };
}

async function api<T>(s: Servers, p: string): Promise<T> {
  const res = await fetch(`${s.apiUrl}/v3/${p}${p.includes('?') ? '&' : '?'}access_token=${TOKEN}`);
  return (await res.json()) as T;
}

/** Streams one export to a file while sampling the gateway's memory. */
async function exportToFile(s: Servers, exportPath: string, file: string) {
  const pid = s.gateway.pid as number;
  const before = await memoryOf(pid);
  let maxRss = before.rss;
  const sampler = setInterval(() => {
    void memoryOf(pid)
      .then((m) => {
        maxRss = Math.max(maxRss, m.rss);
      })
      .catch(() => {});
  }, SAMPLE_MS);
  const t0 = performance.now();
  const job = `bench-${Date.now()}`;
  const res = await fetch(`${s.gatewayUrl}${exportPath}?job=${job}`, { headers: { cookie: s.cookie, 'Sec-Fetch-Site': 'same-origin' } });
  if (res.status !== 200 || !res.body) throw new Error(`${exportPath}: HTTP ${res.status} ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(file));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const after = await memoryOf(pid);
  // rows as the gateway counted them (a line count would also count line breaks inside quoted cells)
  const progress = await fetch(`${s.gatewayUrl}/export/jobs/${job}`, { headers: { cookie: s.cookie, 'X-Requested-With': 'orrery' } });
  const { written: rows, state } = (await progress.json()) as { written: number; state: string };
  return {
    state,
    rows,
    megabytes: Math.round((await stat(file)).size / 1e5) / 10,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    gatewayRssBeforeMB: before.rss,
    gatewayRssMaxDuringMB: Math.max(maxRss, after.rss),
    gatewayRssGrowthMB: Math.max(maxRss, after.rss) - before.rss,
  };
}

/** The largest database of the demo and its profile count. */
async function largestDatabase(s: Servers): Promise<{ id: string; profiles: number }> {
  const dbs = await api<{ data: { ID: string }[] }>(s, 'databases?limit=1000');
  let best = { id: '', profiles: -1 };
  for (const db of dbs.data) {
    const page = await api<{ total: number }>(s, `database/${db.ID}/profiles?limit=1`);
    if (page.total > best.profiles) best = { id: db.ID, profiles: page.total };
  }
  return best;
}

/** The longest deliveries list of any emailing (both systems). */
async function largestEventList(s: Servers): Promise<{ path: string; events: number }> {
  let best = { path: '', events: -1 };
  for (const system of ['publisher', 'ms'] as const) {
    const list = await api<{ data: { id?: string; ID?: string }[] }>(s, `${system}/emailings?limit=1000`);
    for (const e of list.data) {
      const id = String(e.id ?? e.ID);
      const page = await api<{ total: number }>(s, `${system}/emailing/${id}/deliveries?limit=1`);
      if (page.total > best.events) best = { path: `${system}/emailing/${id}/deliveries`, events: page.total };
    }
  }
  return best;
}

/** The old way, for comparison: every page of 1000 kept in memory, then one CSV string (as the SPA did in the tab). */
async function heldInMemory(s: Servers, databaseId: string) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const t0 = performance.now();
  const rows: unknown[] = [];
  for (let last = 0; ; ) {
    const page = await api<{ data: { ID: string }[] }>(
      s,
      `database/${databaseId}/profiles?limit=1000&dataonly=true&total=false&fields[]=id>${last}`,
    );
    rows.push(...page.data);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (page.data.length < 1000) break;
    last = Number(page.data[page.data.length - 1]?.ID);
  }
  const csv = rows.map((r) => JSON.stringify(r)).join('\r\n');
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    rows: rows.length,
    csvMegabytes: Math.round(csv.length / 1e5) / 10,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    heapGrowthMB: Math.round((peak - before) / 1e6),
  };
}

export default async function run(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'orrery-export-bench-'));
  const result: Record<string, unknown> = {};
  try {
    for (const size of SIZES) {
      const s = await startServers(size, dir);
      try {
        const db = await largestDatabase(s);
        const entry: Record<string, unknown> = { demoGenerateSeconds: s.generateSeconds, database: db };
        entry.profiles = await exportToFile(s, `/export/database/${db.id}/profiles.csv`, path.join(dir, 'profiles.csv'));
        const events = await largestEventList(s);
        entry.largestEventList = events;
        entry.events = await exportToFile(s, `/export/${events.path}.csv`, path.join(dir, 'events.csv'));
        if (size <= 100_000) entry.heldInMemoryForComparison = await heldInMemory(s, db.id);
        entry.gatewayPeakRssMB = (await memoryOf(s.gateway.pid as number)).peak;
        result[`profiles_${size}`] = entry;
        console.log(JSON.stringify({ [`profiles_${size}`]: entry }));
      } finally {
        await Promise.all([stop(s.gateway), stop(s.emulator)]);
        await rm(path.join(dir, `demo-${size}.sqlite`), { force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}
