/**
 * Emailings emulator at full scale (the largest emailing, M1, has 200,000 destinations): seed time, then
 * in-process app.request() timings of
 *   - statistics of the largest emailing (no window: summary row; with a window: the event timeline, cold and warm),
 *   - a 72-window hourly series of statistics calls (the chart recipe of docs/api/emailings.md §7.5),
 *   - 1000-event pages of clicks (first page, a deep page, an id>N continuation, account-wide).
 * Measures only; never fails on a number. Set EMAILINGS_BENCH_DB=/path/file.sqlite to keep (and reuse)
 * the seeded database between runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatWall } from '../server/emulator/emailings/time.ts';
import { openEmulator } from '../server/emulator/index.ts';
import { modules } from '../server/emulator/modules.ts';

const PROFILES = 300_000; // ≥ 250,000 gives scale 1; Customers (≈70 %) must hold M1's 200,000 recipients
const TOKEN = 'bench-token';

function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] as number) * 100) / 100;
  return { n: s.length, median_ms: q(0.5), p95_ms: q(0.95), max_ms: q(1), total_ms: Math.round(s.reduce((a, x) => a + x, 0) * 10) / 10 };
}

export default async function run(): Promise<Record<string, unknown>> {
  const keep = process.env.EMAILINGS_BENCH_DB;
  const dbPath = keep ?? path.join(os.tmpdir(), `orrery-emailings-bench-${process.pid}.sqlite`);
  const reused = keep !== undefined && fs.existsSync(keep);
  const t0 = performance.now();
  // Time each module's seed step (the core's profiles dominate).
  const seedByModule: Record<string, number> = {};
  const timed = modules.map((m) => ({
    ...m,
    seed: m.seed
      ? (...args: Parameters<NonNullable<typeof m.seed>>) => {
          const s = performance.now();
          m.seed?.(...args);
          seedByModule[m.name] = Math.round((performance.now() - s) / 100) / 10;
        }
      : undefined,
  }));
  const { app, ctx, seedMs } = openEmulator({ dbPath, profiles: PROFILES, token: TOKEN, modules: timed });
  const openMs = performance.now() - t0;
  const db = ctx.db;
  const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const rows = Object.fromEntries(
    ['destination', 'delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'].map((t) => [t, count(t)]),
  );

  const call = async (p: string) => {
    const s = performance.now();
    const r = await app.request(`/v3/${p}${p.includes('?') ? '&' : '?'}access_token=${TOKEN}`);
    const body = await r.text();
    const ms = performance.now() - s;
    if (r.status !== 200) throw new Error(`${p} → ${r.status} ${body.slice(0, 200)}`);
    return { ms, body };
  };
  const repeat = async (p: string, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push((await call(p)).ms);
    return summary(times);
  };

  const largest = db
    .prepare('SELECT emailing_id AS id, COUNT(*) AS n FROM destination GROUP BY emailing_id ORDER BY n DESC LIMIT 1')
    .get() as { id: number; n: number };
  const e = db.prepare('SELECT system, timestamp FROM emailing WHERE id = ?').get(largest.id) as { system: string; timestamp: number };
  const base = `${e.system}/emailing/${largest.id}`;
  const enc = (ts: number) => encodeURIComponent(formatWall(ts));
  const all = `begintime=${enc(e.timestamp - 60)}&endtime=${enc(e.timestamp + 30 * 86_400)}`;

  const statsNoWindow = await repeat(`${base}/statistics`, 20);
  const cold = (await call(`${base}/statistics?${all}`)).ms;
  const statsFullWindow = await repeat(`${base}/statistics?${all}`, 20);
  const firstDay = await repeat(`${base}/statistics?begintime=${enc(e.timestamp)}&endtime=${enc(e.timestamp + 86_400)}`, 20);

  // 72 hourly windows from the send time, as a chart would request them.
  const series: number[] = [];
  const seriesStart = performance.now();
  for (let h = 0; h < 72; h++) {
    const lo = e.timestamp + h * 3600;
    series.push((await call(`${base}/statistics?begintime=${enc(lo)}&endtime=${enc(lo + 3600)}`)).ms);
  }
  const seriesWall = performance.now() - seriesStart;

  const clicksTotal = (JSON.parse((await call(`${base}/clicks?limit=1`)).body) as { total: number }).total;
  const firstPage = await repeat(`${base}/clicks?limit=1000`, 10);
  const deepPage = await repeat(`${base}/clicks?limit=1000&start=${Math.max(0, clicksTotal - 1000)}`, 10);
  const mid = JSON.parse((await call(`${base}/clicks?limit=1&start=${Math.floor(clicksTotal / 2)}`)).body) as { data: { ID: string }[] };
  const idPage = await repeat(`${base}/clicks?limit=1000&fields[]=id%3E${mid.data[0]?.ID ?? 0}&total=false`, 10);
  const accountPage = await repeat(`${e.system}/clicks?limit=1000`, 10);
  const impressionsPage = await repeat(`${base}/impressions?limit=1000&start=50000`, 5);

  if (!keep) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  }
  return {
    profiles: PROFILES,
    reused_database: reused,
    seed_s: Math.round(seedMs / 100) / 10,
    seed_s_by_module: seedByModule,
    open_s: Math.round(openMs / 100) / 10,
    rows,
    largest_emailing: { path: base, destinations: largest.n, clicks: clicksTotal },
    statistics_no_window: statsNoWindow,
    statistics_window_cold_first_call_ms: Math.round(cold),
    statistics_full_window_warm: statsFullWindow,
    statistics_first_day_window: firstDay,
    hourly_series_72: { ...summary(series), wall_ms: Math.round(seriesWall) },
    clicks_page_1000_first: firstPage,
    clicks_page_1000_last: deepPage,
    clicks_page_1000_id_gt: idPage,
    account_clicks_page_1000: accountPage,
    impressions_page_1000_offset_50000: impressionsPage,
  };
}
