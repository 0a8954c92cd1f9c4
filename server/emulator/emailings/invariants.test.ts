// Invariants of the statistics on random data (fast-check): whatever events are stored, the figures the
// API computes from them must agree with each other and with the event lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventType, emptyEmulator, FIXED_NOW, type RandomEmailing, writeRandom } from '../testing/emailings.ts';
import { formatWall, wallNow } from './time.ts';

const TYPES: EventType[] = ['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'];
const HORIZON = 7 * 86_400;

const emailingArb = (system: 'publisher' | 'ms'): fc.Arbitrary<RandomEmailing> =>
  fc.record({
    system: fc.constant(system),
    groups: fc.integer({ min: 0, max: 2 }),
    destinations: fc.array(
      fc.record({
        group: fc.integer({ min: -1, max: 1 }),
        events: fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.integer({ min: 0, max: HORIZON })), { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  });

const dataArb = fc.tuple(
  fc.array(emailingArb('publisher'), { minLength: 1, maxLength: 3 }),
  fc.array(emailingArb('ms'), { minLength: 1, maxLength: 2 }),
);
const t0 = wallNow(FIXED_NOW) - 10 * 86_400;
const at = (offset: number) => formatWall(t0 + offset);

type Emu = ReturnType<typeof emptyEmulator>;
async function get(emu: Emu, path: string, query: Record<string, string | string[]> = {}) {
  const r = await emu.get(path, query);
  expect(r.status, `${path} ${r.text.slice(0, 200)}`).toBe(200);
  return r.json;
}
async function allPages(emu: Emu, path: string, query: Record<string, string | string[]> = {}) {
  const out: { ID: string }[] = [];
  for (let start = 0; ; start += 1000) {
    const page = await get(emu, path, { ...query, start: String(start), limit: '1000' });
    out.push(...page.data);
    if (page.count < 1000) return out;
  }
}
const STAT_KEYS = ['errors', 'impressions', 'clicks', 'unsubscribes', 'abuses'] as const;
const DOMINANT = ['errors', 'abuses', 'unsubscribes', 'clicks', 'impressions', 'deliveries'] as const;

function check(data: [RandomEmailing[], RandomEmailing[]], windowArb: [number, number, number]) {
  const emu = emptyEmulator();
  const [pub, ms] = data;
  const pubIds = writeRandom(emu.db, pub, t0);
  // MS emailings get their own ID range; write them after the Publisher ones (distinct destinations).
  const msIds = writeRandom(emu.db, ms, t0).map((id) => id);
  return { emu, pubIds, msIds, window: [...windowArb].sort((a, b) => a - b) as [number, number, number] };
}

describe('statistics invariants (random data)', () => {
  it('dominant results + silent destinations = destinations; unique ≤ total; summary = full window', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.tuple(fc.nat(HORIZON), fc.nat(HORIZON), fc.nat(HORIZON)), async (data, w) => {
        const { emu, pubIds, msIds, window } = check(data, w);
        const all = [...pubIds.map((id) => ['publisher', id] as const), ...msIds.map((id) => ['ms', id] as const)];
        for (const [system, id] of all) {
          const spec = (system === 'publisher' ? data[0] : data[1])[id % (system === 'publisher' ? 4000 : 600)] as RandomEmailing;
          for (const range of [undefined, [window[0], window[2]] as const]) {
            const q: Record<string, string> = range ? { begintime: at(range[0]), endtime: at(range[1]) } : {};
            const s = await get(emu, `${system}/emailing/${id}/statistics`, q);
            const inRange = (off: number) => !range || (off >= range[0] && off < range[1]);
            const silent = spec.destinations.filter((d) => !d.events.some(([t, off]) => t !== 'retry' && inRange(off))).length;
            const sum = DOMINANT.reduce((a, k) => a + s.dominant_results[k], 0);
            expect(sum + silent).toBe(s.destinations);
            expect(s.dominant_results.destinations).toBe(spec.destinations.length);
            for (const k of STAT_KEYS) expect(s[k].unique).toBeLessThanOrEqual(s[k].total);
            // Totals recomputed from the generated events.
            const count = (type: EventType) =>
              spec.destinations.reduce((a, d) => a + d.events.filter(([t, off]) => t === type && inRange(off)).length, 0);
            expect(s.clicks.total).toBe(count('click'));
            expect(s.deliveries.total).toBe(count('delivery'));
          }
          const none = await get(emu, `${system}/emailing/${id}/statistics`);
          const full = await get(emu, `${system}/emailing/${id}/statistics`, { begintime: at(-1), endtime: at(HORIZON + 1) });
          expect(full).toEqual(none);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('per-destination statistics add up to the emailing; adjacent windows add up to their union', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.tuple(fc.nat(HORIZON), fc.nat(HORIZON), fc.nat(HORIZON)), async (data, w) => {
        const { emu, pubIds, msIds, window } = check(data, w);
        const [a, b, c] = window;
        for (const [system, id] of [...pubIds.map((x) => ['publisher', x] as const), ...msIds.map((x) => ['ms', x] as const)]) {
          const stats = await get(emu, `${system}/emailing/${id}/statistics`);
          const dests = await allPages(emu, `${system}/emailing/${id}/destinations`);
          const sums = { abuses: 0, clicks: 0, deliveries: 0, errors: 0, impressions: 0, unsubscribes: 0 };
          for (const d of dests) {
            const ds = await get(emu, `${system}/destination/${d.ID}/statistics`);
            for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += ds[k].total;
          }
          for (const k of Object.keys(sums) as (keyof typeof sums)[]) expect(sums[k], k).toBe(stats[k].total);

          const win = (lo: number, hi: number) => get(emu, `${system}/emailing/${id}/statistics`, { begintime: at(lo), endtime: at(hi) });
          const [left, right, union] = await Promise.all([win(a, b), win(b, c), win(a, c)]);
          for (const k of ['deliveries', ...STAT_KEYS] as const) expect(left[k].total + right[k].total, k).toBe(union[k].total);
          for (const k of STAT_KEYS) {
            expect(union[k].unique).toBeLessThanOrEqual(left[k].unique + right[k].unique);
            expect(union[k].unique).toBeGreaterThanOrEqual(Math.max(left[k].unique, right[k].unique));
          }
          // Event lists split the same way (begintime/endtime; fields[] timestamp for Publisher).
          const list = (q: Record<string, string | string[]>) => get(emu, `${system}/emailing/${id}/impressions`, { ...q, limit: '1' });
          const l = await list(
            system === 'ms' ? { begintime: at(a), endtime: at(b) } : { 'fields[]': [`timestamp>=${at(a)}`, `timestamp<${at(b)}`] },
          );
          const r = await list({ begintime: at(b), endtime: at(c) });
          expect(l.total + r.total).toBe(union.impressions.total);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('account-wide lists are the union of the per-emailing lists', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.tuple(fc.nat(HORIZON), fc.nat(HORIZON), fc.nat(HORIZON)), async (data, w) => {
        const { emu, pubIds, msIds } = check(data, w);
        for (const [system, ids] of [
          ['publisher', pubIds],
          ['ms', msIds],
        ] as const) {
          for (const type of ['abuses', 'clicks', 'deliveries', 'errors', 'impressions', 'unsubscribes']) {
            const account = (await allPages(emu, `${system}/${type}`)).map((e) => e.ID).sort();
            const per: string[] = [];
            for (const id of ids) per.push(...(await allPages(emu, `${system}/emailing/${id}/${type}`)).map((e) => e.ID));
            expect(account, `${system} ${type}`).toEqual(per.sort());
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('testgroup statistics add up to the emailing (each destination in one group)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(emailingArb('publisher'), { minLength: 1, maxLength: 2 }), async (pub) => {
        const emu = emptyEmulator();
        const ids = writeRandom(emu.db, pub, t0);
        for (const id of ids) {
          const groups = (await get(emu, `publisher/emailing/${id}/testgroups`)).data as { ID: string }[];
          if (groups.length === 0) continue;
          const e = await get(emu, `publisher/emailing/${id}/statistics`);
          const ungrouped = (await allPages(emu, `publisher/emailing/${id}/destinations`)).length - groups.length * 0;
          let clicks = 0;
          let dests = 0;
          for (const g of groups) {
            clicks += Number((await get(emu, `publisher/testgroup/${g.ID}/statistics`)).clicks.total);
            dests += Number((await get(emu, `publisher/testgroup/${g.ID}`)).destinations);
          }
          expect(dests).toBeLessThanOrEqual(ungrouped);
          expect(clicks).toBeLessThanOrEqual(e.clicks.total);
          if (dests === e.destinations) expect(clicks).toBe(e.clicks.total);
        }
      }),
      { numRuns: 15 },
    );
  });
});
