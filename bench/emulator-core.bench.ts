/**
 * Emulator core on 1,000,000 profiles: demo generation time, profile listing p50/p95, `fields[]` filters on an
 * indexed and an unindexed field, and profile create/update throughput, all in-process via app.request().
 * The generated database is cached in .data/bench/ (delete it to measure generation again). Never fails on a number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { coreModule } from '../server/emulator/core/index.ts';
import { openEmulator } from '../server/emulator/index.ts';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const DIR = path.resolve('.data/bench');
const FILE = path.join(DIR, `emulator-core-${PROFILES}.sqlite`);
const META = `${FILE}.json`;
const TOKEN = 'bench-token';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
const round = (n: number) => Math.round(n * 100) / 100;

export default async function run(): Promise<Record<string, unknown>> {
  fs.mkdirSync(DIR, { recursive: true });
  let cached = fs.existsSync(FILE) && fs.existsSync(META);
  if (!cached) for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`, META]) fs.rmSync(f, { force: true });

  const t0 = performance.now();
  const { app, ctx, seeded, seedMs } = openEmulator({ dbPath: FILE, profiles: PROFILES, token: TOKEN, modules: [coreModule] });
  const openMs = performance.now() - t0;
  if (seeded) {
    fs.writeFileSync(META, JSON.stringify({ profiles: PROFILES, generationMs: Math.round(seedMs), openMs: Math.round(openMs) }));
    cached = false;
  }
  const meta = JSON.parse(fs.readFileSync(META, 'utf8')) as { generationMs: number };
  console.log(`${cached ? 'reused' : 'generated'} ${FILE} (generation ${(meta.generationMs / 1000).toFixed(1)} s)`);

  const request = (p: string, init?: RequestInit) => app.request(`/v3/${p}${p.includes('?') ? '&' : '?'}access_token=${TOKEN}`, init);

  // A one-row write invalidates the cached list totals (core/sql.ts): used to measure "cold" totals.
  const touch = ctx.db.prepare('UPDATE profiles SET database_id = database_id WHERE id = (SELECT min(id) FROM profiles)');

  /**
   * Latency of a GET, in ms, over `n` runs after 3 warm-ups (includes JSON serialisation of the body).
   * `cold`: invalidate the cached total before every run, as after any write.
   */
  async function latency(p: string, n = 30, cold = false) {
    for (let i = 0; i < 3; i++) await (await request(p)).text();
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (cold) touch.run();
      const s = performance.now();
      const res = await request(p);
      const body = await res.text();
      times.push(performance.now() - s);
      if (i === 0) count = (JSON.parse(body) as { count?: number }).count ?? 0;
    }
    times.sort((a, b) => a - b);
    return { p50Ms: round(pct(times, 0.5)), p95Ms: round(pct(times, 0.95)), count };
  }

  const result: Record<string, unknown> = {
    profiles: PROFILES,
    generationSeconds: round(meta.generationMs / 1000),
    databaseFileMB: Math.round(fs.statSync(FILE).size / 1e6),
    generatedThisRun: !cached,
  };
  result.listLimit1000 = await latency('database/Customers/profiles?limit=1000');
  result.listLimit1000ColdTotal = await latency('database/Customers/profiles?limit=1000', 30, true);
  result.listLimit1000NoTotal = await latency('database/Customers/profiles?limit=1000&total=false');
  result.listLimit1000Offset500k = await latency('database/Customers/profiles?limit=1000&start=500000&total=false', 10);
  result.listOrderByIndexedField = await latency('database/Customers/profiles?limit=1000&orderby=lastname', 10);
  result.filterIndexedCity = await latency(`database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('city==Delft')}`);
  result.filterIndexedRange = await latency(
    `database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('loyalty_points>=4900')}`,
  );
  result.filterUnindexedFirstname = await latency(
    `database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('firstname==Ann')}`,
    10,
  );
  result.filterUnindexedFirstnameColdTotal = await latency(
    `database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('firstname==Ann')}`,
    10,
    true,
  );
  result.filterIndexedCityColdTotal = await latency(
    `database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('city==Delft')}`,
    10,
    true,
  );
  result.filterUnindexedLike = await latency(
    `database/Customers/profiles?limit=1000&fields[]=${encodeURIComponent('firstname=~%nn%')}`,
    10,
  );
  result.getOneProfile = await latency('profile/500000', 100);

  // Writes: sequential requests (one transaction each), as a client would send them.
  const writes = 2000;
  let s = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < writes; i++) {
    const res = await request('database/Customers/profiles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        fields: { firstname: 'Bench', lastname: `Mark ${i}`, email: `bench${i}@example.org`, loyalty_points: i },
        interests: ['golf'],
      }),
    });
    ids.push(res.headers.get('x-created') as string);
  }
  result.createPerSecond = Math.round(writes / ((performance.now() - s) / 1000));
  s = performance.now();
  for (let i = 0; i < writes; i++) {
    await request(`profile/${ids[i]}/fields`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ city: `Bench ${i}`, loyalty_points: i + 1 }),
    });
  }
  result.updatePerSecond = Math.round(writes / ((performance.now() - s) / 1000));
  // Leave the cached database as it was.
  await request('database/Customers/profiles', {
    method: 'DELETE',
    body: JSON.stringify({ profiles: ids }),
    headers: { 'Content-Type': 'application/json' },
  });
  ctx.db.close();
  return result;
}

// Allow `node --import tsx bench/emulator-core.bench.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
