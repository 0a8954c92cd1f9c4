// Conformance of every emailings endpoint against docs/api/emailings.md on the demo data:
// status, Content-Type, key sets and value types per v3 example, error texts.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmulator } from '../testing/emailings.ts';

type Emu = ReturnType<typeof demoEmulator>;
let emu: Emu;
const ok = async (path: string, query?: Record<string, string | string[]>) => {
  const r = await emu.get(path, query);
  expect(r.status, `${path} ${r.text.slice(0, 200)}`).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/json');
  return r.json;
};
const fails = async (path: string, message: string, query?: Record<string, string | string[]>) => {
  const r = await emu.get(path, query);
  expect(r.status, path).toBe(400);
  expect(r.json).toEqual({ error: { message } });
};
const keys = (o: object) => Object.keys(o);
const isId = (v: unknown) => typeof v === 'string' && /^\d+$/.test(v);
const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

let pubDest: { ID: string; internal: string; profile: string };
let msDest: { ID: string; messageID: string };

beforeAll(async () => {
  emu = demoEmulator(2000);
  pubDest = (await ok('publisher/emailing/4102/destinations', { limit: '1' })).data[0];
  msDest = await ok(`ms/destination/${(await ok('ms/emailing/633/destinations', { limit: '1' })).data[0].ID}`);
});

describe('emailing lists and objects', () => {
  it('Publisher list: paging envelope, oldest first, string IDs and counters, testgroups a number', async () => {
    const list = await ok('publisher/emailings');
    expect(keys(list)).toEqual(['start', 'limit', 'count', 'data', 'total']);
    expect(list.total).toBe(6);
    const first = list.data[0];
    expect(keys(first)).toEqual([
      'id',
      'timestamp',
      'document',
      'template',
      'subject',
      'description',
      'from_address',
      'destinations',
      'testgroups',
      'type',
      'clicks',
      'impressions',
      'errors',
      'unsubscribes',
      'abuses',
      'contenttype',
      'target',
    ]);
    expect(typeof first.testgroups).toBe('number');
    for (const k of ['id', 'destinations', 'clicks', 'impressions', 'errors', 'unsubscribes', 'abuses'])
      expect(isId(first[k]), k).toBe(true);
    const times = list.data.map((e: { timestamp: string }) => e.timestamp);
    expect([...times].sort()).toEqual(times);
    const split = list.data.find((e: { id: string }) => e.id === '4104');
    expect(split.testgroups).toBe(2);
    expect(isId(split.finalgroup)).toBe(true);
    expect(await ok('publisher/emailing/4104')).toEqual(split);
  });

  it('Publisher filters: type, test, followups, min/max destinations, fromdate/todate', async () => {
    expect((await ok('publisher/emailings', { type: 'individual' })).data.map((e: { id: string }) => e.id)).toEqual(['4106']);
    expect((await ok('publisher/emailings', { test: 'yes' })).data.map((e: { id: string }) => e.id)).toEqual(['4101']);
    expect((await ok('publisher/emailings', { followups: 'yes' })).total).toBe(1);
    expect((await ok('publisher/emailings', { maxdestinations: '3' })).total).toBe(1);
    const all = (await ok('publisher/emailings')).data as { timestamp: string }[];
    const mid = all[3]?.timestamp as string;
    const before = await ok('publisher/emailings', { todate: mid });
    const after = await ok('publisher/emailings', { fromdate: mid });
    expect(before.total + after.total).toBe(6);
    expect((await ok('publisher/emailings', { total: 'false' })).total).toBeUndefined();
  });

  it('MS list and single: destinations a number, no counters, tags only on the single object', async () => {
    const list = await ok('ms/emailings');
    expect(list.total).toBe(2);
    expect(keys(list.data[0])).toEqual(['id', 'timestamp', 'template', 'subject', 'from_address', 'destinations', 'type', 'target']);
    expect(typeof list.data[0].destinations).toBe('number');
    const single = await ok('ms/emailing/633');
    expect(single.tags).toEqual(['launch', 'aurora']);
    expect({ ...single, tags: undefined }).toEqual({ ...list.data[0], tags: undefined });
  });

  it('snapshot (string from_address) and hyperlink extensions (object vs {data})', async () => {
    expect(keys(await ok('publisher/emailing/4102/snapshot'))).toEqual(['document', 'name', 'from_address', 'subject']);
    const ms = await ok('ms/emailing/633/snapshot');
    expect(keys(ms)).toEqual(['template', 'name', 'from_address', 'subject']);
    expect(ms.from_address).toBe('"Orrery Shop" <news@shop.example.com>');
    expect(keys(await ok('publisher/emailing/4102/hyperlinkextensions'))).toContain('all');
    const rules = await ok('ms/emailing/633/hyperlinkextensions');
    expect(keys(rules)).toEqual(['data']);
    expect(keys(rules.data[0])).toEqual(['parameter', 'value', 'type', 'last', 'unique', 'checks']);
  });

  it('split run: testgroups, finalgroup, testgroup statistics as strings', async () => {
    const groups = await ok('publisher/emailing/4104/testgroups');
    expect(groups.total).toBe(2);
    expect(keys(groups.data[0])).toEqual(['ID', 'document', 'template', 'name', 'from_address', 'subject', 'timestamp', 'destinations']);
    const final = await ok('publisher/emailing/4104/finalgroup');
    expect(final.name).toBe('Finalgroup');
    const tg = await ok(`publisher/testgroup/${groups.data[0].ID}`);
    expect(keys(tg)).toEqual(['ID', 'document', 'name', 'from_address', 'subject', 'timestamp', 'destinations']);
    const stats = await ok(`publisher/testgroup/${groups.data[0].ID}/statistics`);
    expect(keys(stats)).toEqual(['clicks', 'impressions', 'errors', 'unsubscribes', 'abuses', 'unknown']);
    expect(typeof stats.clicks.total).toBe('string');
    const sizes = [...groups.data, final].reduce((a: number, g: { destinations: string }) => a + Number(g.destinations), 0);
    expect(sizes).toBe(Number((await ok('publisher/emailing/4104')).destinations));
    const uniq = await ok(`publisher/testgroup/${groups.data[0].ID}/clicks`, { unique: 'true', limit: '1000' });
    const dests = uniq.data.map((c: { destination: string }) => c.destination);
    expect(new Set(dests).size).toBe(dests.length);
    await fails('publisher/emailing/4102/finalgroup', 'No testgroup with supplied ID');
  });
});

describe('statistics', () => {
  it('Publisher shape: numbers, unknown, dominant results; MS adds retries, no unknown', async () => {
    const p = await ok('publisher/emailing/4102/statistics');
    expect(keys(p)).toEqual([
      'destinations',
      'deliveries',
      'errors',
      'impressions',
      'clicks',
      'unsubscribes',
      'abuses',
      'unknown',
      'dominant_results',
    ]);
    expect(keys(p.dominant_results)).toEqual(['destinations', 'errors', 'abuses', 'unsubscribes', 'clicks', 'impressions', 'deliveries']);
    expect(typeof p.destinations).toBe('number');
    const m = await ok('ms/emailing/633/statistics');
    expect(keys(m)).toEqual([
      'destinations',
      'deliveries',
      'errors',
      'impressions',
      'clicks',
      'unsubscribes',
      'abuses',
      'retries',
      'dominant_results',
    ]);
  });

  it('counters of the emailing object equal the unfiltered totals; a window covering everything equals no window', async () => {
    const e = await ok('publisher/emailing/4103');
    const s = await ok('publisher/emailing/4103/statistics');
    expect(Number(e.clicks)).toBe(s.clicks.total);
    expect(Number(e.impressions)).toBe(s.impressions.total);
    expect(Number(e.errors)).toBe(s.errors.total);
    expect(await ok('publisher/emailing/4103/statistics', { begintime: '2000-01-01 00:00:00', endtime: '2100-01-01' })).toEqual(s);
  });

  it('realistic rates on the demo (docs/api/emailings.md §12.4)', async () => {
    const s = await ok('ms/emailing/633/statistics');
    const delivered = s.deliveries.total;
    expect(delivered / s.destinations).toBeGreaterThan(0.95);
    expect(s.impressions.unique / delivered).toBeGreaterThan(0.15);
    expect(s.impressions.unique / delivered).toBeLessThan(0.4);
    expect(s.clicks.unique / delivered).toBeLessThan(0.08);
    expect(s.impressions.total / s.impressions.unique).toBeGreaterThan(1.3);
  });

  it('document and MS template statistics', async () => {
    const d = await ok('publisher/document/318/statistics');
    expect(keys(d)).toEqual(['clicks', 'impressions', 'errors', 'unsubscribes', 'abuses', 'unknown']);
    expect(typeof d.impressions.unique).toBe('string');
    const t = await ok('ms/template/2104/statistics');
    expect(keys(t)).toEqual(['destinations', 'abuses', 'clicks', 'deliveries', 'errors', 'impressions', 'retries', 'unsubscribes']);
    expect(t.destinations).toBe(String((await ok('ms/emailing/633')).destinations));
  });

  it('destination statistics', async () => {
    const p = await ok(`publisher/destination/${pubDest.ID}/statistics`);
    expect(keys(p)).toEqual(['ID', 'abuses', 'clicks', 'deliveries', 'errors', 'impressions', 'retries', 'unsubscribes']);
    const m = await ok(`ms/destination/${msDest.ID}/statistics`, { begintime: '2000-01-01' });
    expect(keys(m.clicks)).toEqual(['total', 'unique']);
  });
});

describe('destinations', () => {
  it('Publisher: hash ID, internal string, lookups by hash and by internal, /fields', async () => {
    expect(keys(pubDest)).toEqual(['ID', 'timestampsent', 'internal', 'profile', 'subprofile', 'mailing']);
    expect(pubDest.ID).toMatch(/^[0-9a-f]{32}$/);
    expect(await ok(`publisher/destination/${pubDest.ID}`)).toEqual(pubDest);
    expect(await ok(`publisher/destination/${pubDest.internal}`)).toEqual(pubDest);
    const f = await ok(`publisher/destination/${pubDest.ID}/fields`);
    expect(f.profile.ID).toBe(pubDest.profile);
    expect(typeof f.profile.fields.email).toBe('string');
    expect(f.subprofile).toBeNull();
  });

  it('MS: numeric ID, messageID lookup, Unsubscribed filter', async () => {
    expect(keys(msDest)).toEqual(['ID', 'messageID', 'timestampsent', 'profile', 'subprofile', 'mailing']);
    expect(await ok(`ms/destination/${msDest.messageID}`)).toEqual(msDest);
    const unsub = await ok('ms/emailing/633/destinations', { Unsubscribed: 'true', limit: '1000' });
    const stats = await ok('ms/emailing/633/statistics');
    expect(unsub.total).toBeGreaterThan(0);
    expect(unsub.total).toBeLessThanOrEqual(stats.unsubscribes.unique);
  });

  it('by period: from inclusive, to exclusive; item shapes', async () => {
    const p = await ok('publisher/destinations', { limit: '1' });
    expect(keys(p.data[0])).toEqual(['id', 'timestampsent', 'internal', 'profile', 'subprofile', 'mailing', 'mailing-group']);
    const m = await ok('ms/destinations', { limit: '1' });
    expect(keys(m.data[0])).toEqual(['id', 'messageID', 'timestampsent', 'profile', 'subprofile', 'mailing', 'unsubscribed']);
    const day = (m.data[0].timestampsent as string).slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const oneDay = await ok('ms/destinations', { from: day, to: next, limit: '1000' });
    expect(oneDay.total).toBeGreaterThan(0);
    for (const d of oneDay.data) expect(d.timestampsent.slice(0, 10)).toBe(day);
  });

  it('fields[] on timestampsent', async () => {
    const all = await ok('publisher/emailing/4106/destinations', { limit: '1000' });
    const mid = all.data[Math.floor(all.data.length / 2)].timestampsent;
    const lt = await ok('publisher/emailing/4106/destinations', { 'fields[]': `timestampsent<${mid}` });
    const ge = await ok('publisher/emailing/4106/destinations', { 'fields[]': `timestampsent>=${mid}` });
    expect(lt.total + ge.total).toBe(all.total);
  });

  it('body (HTML, text, MIME) and content', async () => {
    const r = await emu.get(`publisher/destination/${pubDest.ID}/body`);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('<html');
    expect((await emu.get(`ms/destination/${msDest.ID}/body/mime`)).text).toContain('MIME-Version: 1.0');
    expect((await emu.get(`ms/destination/${msDest.ID}/body/text`)).text).not.toContain('<');
    expect(keys(await ok(`publisher/destination/${pubDest.ID}/content`))).toEqual(['html', 'text', 'amp', 'subject']);
    expect(keys(await ok(`publisher/destination/${pubDest.ID}/content/subject+text`))).toEqual(['subject', 'text']);
  });
});

describe('event lists', () => {
  it('Publisher items per type have exactly the documented keys', async () => {
    const expected: Record<string, string[]> = {
      clicks: [
        'ID',
        'link_id',
        'link',
        'link_title',
        'timestamp',
        'ip',
        'useragent',
        'referer',
        'emailing',
        'destination',
        'profile',
        'subprofile',
      ],
      impressions: ['ID', 'timestamp', 'ip', 'useragent', 'device', 'referer', 'emailing', 'destination', 'profile', 'subprofile'],
      deliveries: ['ID', 'timestamp', 'attempt', 'smtp-response', 'emailing', 'destination', 'profile', 'subprofile'],
      errors: [
        'ID',
        'timestamp',
        'errorcode',
        'description',
        'errortype',
        'errortypedescription',
        'emailing',
        'destination',
        'profile',
        'subprofile',
      ],
      unsubscribes: ['ID', 'timestamp', 'source', 'success', 'emailing', 'destination', 'profile', 'subprofile'],
    };
    for (const [type, k] of Object.entries(expected)) {
      const page = await ok(`publisher/${type}`, { limit: '5' });
      expect(page.data.length, type).toBeGreaterThan(0);
      expect(keys(page.data[0]), type).toEqual(k);
      expect(page.data[0].timestamp).toMatch(TIME);
      expect(keys((await ok(`publisher/emailing/4103/${type}`, { limit: '1' })).data[0] ?? {})).toEqual(
        type === 'unsubscribes' ? expect.anything() : k,
      );
    }
    const u = (await ok('publisher/unsubscribes')).data[0];
    expect(typeof u.success).toBe('boolean');
    expect(typeof (await ok('publisher/emailing/4103/deliveries', { limit: '1' })).data[0].attempt).toBe('string');
  });

  it('MS items: mailing key, attempts a number, account lists without profile, unsubscribes per page', async () => {
    const d = (await ok('ms/emailing/633/deliveries', { limit: '1' })).data[0];
    expect(keys(d)).toEqual(['ID', 'mailing', 'timestamp', 'attempts', 'destination', 'profile', 'subprofile']);
    expect(typeof d.attempts).toBe('number');
    const i = (await ok('ms/emailing/633/impressions', { limit: '1' })).data[0];
    expect(typeof i.profile).toBe('number');
    expect(keys((await ok('ms/clicks', { limit: '1' })).data[0])).toEqual([
      'ID',
      'mailing',
      'link',
      'timestamp',
      'ip',
      'useragent',
      'destination',
    ]);
    expect(keys((await ok('ms/unsubscribes', { limit: '1' })).data[0])).toEqual(['ID', 'mailing', 'timestamp', 'destination', 'source']);
    expect(keys((await ok('ms/emailing/633/unsubscribes', { limit: '1' })).data[0])).toEqual([
      'ID',
      'mailing',
      'timestamp',
      'destination',
      'source',
      'success',
      'profile',
      'subprofile',
    ]);
    expect(keys((await ok('ms/emailing/633/errors', { limit: '1' })).data[0])).toEqual([
      'ID',
      'mailing',
      'timestamp',
      'status',
      'errorcode',
      'description',
      'errortype',
      'destination',
      'profile',
      'subprofile',
    ]);
  });

  it('IDs ascend; fields[]=id>N continues a list; begintime/endtime split it', async () => {
    const page = await ok('publisher/emailing/4103/impressions', { limit: '50' });
    const ids = page.data.map((e: { ID: string }) => Number(e.ID));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const rest = await ok('publisher/emailing/4103/impressions', { 'fields[]': `id>${ids[49]}`, limit: '1' });
    expect(rest.total).toBe(page.total - 50);
    const ts = page.data[25].timestamp;
    const a = await ok('ms/emailing/633/clicks', { endtime: ts });
    const b = await ok('ms/emailing/633/clicks', { begintime: ts });
    expect(a.total + b.total).toBe((await ok('ms/emailing/633/clicks')).total);
  });

  it('MS unique clicks: one per destination per link', async () => {
    const all = await ok('ms/emailing/633/clicks', { limit: '1000' });
    const uniq = await ok('ms/emailing/633/clicks', { unique: 'true', limit: '1000' });
    const pairs = uniq.data.map((c: { destination: string; link: string }) => `${c.destination} ${c.link}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(uniq.total).toBeLessThanOrEqual(all.total);
    expect(new Set(all.data.map((c: { destination: string; link: string }) => `${c.destination} ${c.link}`)).size).toBe(uniq.total);
  });

  it('destination events belong to that destination', async () => {
    const imp = (await ok('publisher/emailing/4102/impressions', { limit: '1' })).data[0];
    const dest = (await ok('publisher/emailing/4102/destinations', { 'fields[]': `id==${imp.destination}` })).data[0];
    const list = await ok(`publisher/destination/${dest.ID}/impressions`);
    expect(list.data.every((e: { destination: string }) => e.destination === imp.destination)).toBe(true);
    expect(list.data.map((e: { ID: string }) => e.ID)).toContain(imp.ID);
  });
});

describe('schedules, documents, templates, profile histories', () => {
  it('scheduled emailings', async () => {
    const p = await ok('publisher/scheduledemailings');
    expect(p.total).toBe(1);
    expect(keys(p.data[0])).toEqual([
      'id',
      'next',
      'previous',
      'interval',
      'iterations',
      'processed_iterations',
      'scheduled_iterations',
      'document',
      'template',
      'subject',
      'from_address',
      'testgroups',
      'emailing_type',
      'contenttype',
      'target',
    ]);
    expect(p.data[0].next > '2026-11-28').toBe(true);
    const m = await ok('ms/scheduledemailings');
    expect(m.total).toBe(2);
    expect((await ok('ms/scheduledemailings', { active: 'true' })).total).toBe(1);
    const digest = await ok('ms/scheduledemailing/1742');
    expect(digest.previous).toBe((await ok('ms/emailing/634')).timestamp);
    expect(digest.tags).toEqual(['digest', 'monthly']);
    await fails('ms/scheduledemailing/456', 'No scheduled emailing with supplied ID');
  });

  it('documents and templates', async () => {
    expect(keys(await ok('publisher/document/318'))).toEqual(['id', 'template', 'name', 'from_address', 'subject', 'archived', 'source']);
    expect(keys(await ok('publisher/document/318', { source: 'false' }))).not.toContain('source');
    expect(keys(await ok('publisher/template/77'))).not.toContain('source');
    expect(keys(await ok('publisher/template/77', { source: 'true' }))).toContain('source');
    expect((await ok('publisher/document/318/emailings')).total).toBe(2);
    expect(keys(await ok('ms/template/2104'))).toEqual(['id', 'name', 'from_address', 'subject', 'type', 'archived', 'directory']);
    expect((await ok('ms/templates', { type: 'html' })).total).toBe(1);
  });

  it('profile and subprofile histories', async () => {
    const hist = await ok(`profile/${pubDest.profile}/publisher/emailings`);
    expect(hist.data.map((e: { id: string }) => e.id)).toContain('4102');
    const dests = await ok(`profile/${pubDest.profile}/publisher/destinations`);
    expect(dests.data.map((d: { ID: string }) => d.ID)).toContain(pubDest.ID);
    const order = (await ok('publisher/emailing/4106/destinations', { limit: '1' })).data[0];
    expect(order.subprofile).not.toBeNull();
    expect((await ok(`subprofile/${order.subprofile}/publisher/emailings`)).data[0].id).toBe('4106');
    expect(
      (await ok(`profile/${order.profile}/publisher/emailings`, { include_subprofiles: 'no' })).data.map((e: { id: string }) => e.id),
    ).not.toContain('4106');
    expect(
      keys((await ok(`profile/${msDest.ID ? (await ok(`ms/destination/${msDest.ID}`)).profile : 0}/ms/destinations`)).data[0]),
    ).toEqual(['ID', 'timestampsent', 'profile', 'subprofile', 'mailing']);
    await fails('profile/999999999/publisher/emailings', 'No entity with supplied ID');
    await fails('subprofile/0/ms/emailings', 'No subprofile with supplied ID');
  });
});

describe('demo data', () => {
  it('is deterministic for a seed and a clock', async () => {
    const [a, b] = [demoEmulator(400), demoEmulator(400)];
    for (const p of [
      'publisher/emailings',
      'ms/emailing/633/statistics',
      'ms/emailing/633/clicks',
      'publisher/emailing/4104/destinations',
    ]) {
      expect((await a.get(p)).text, p).toBe((await b.get(p)).text);
    }
  });
});

describe('consumption', () => {
  it('counts the emails sent in the period; begin and end are required', async () => {
    const all = await ok('consumption', { begin: '2000-01-01', end: '2100-01-01' });
    expect(keys(all)).toEqual(['emails', 'texts', 'fax', 'webpages', 'apicalls', 'litmustests', 'twofiftyoktests']);
    const destinations = (await ok('publisher/destinations', { limit: '1' })).total + (await ok('ms/destinations', { limit: '1' })).total;
    expect(all.emails).toBe(destinations);
    await fails('consumption', 'URL parameter begin is required', { end: '2026-01-01' });
  });
});

describe('errors', () => {
  it('token first, then element missing, unknown IDs, then Invalid method', async () => {
    const r = await emu.call('GET', 'publisher/emailing/4102', { token: 'wrong' });
    expect(r.json).toEqual({ error: { message: 'Invalid access token' } });
    await fails('publisher/emailing', "Invalid request, element 2 is missing in 'directory' path");
    await fails('ms/destination', "Invalid request, element 2 is missing in 'directory' path");
    await fails('publisher/emailing/633', 'No emailing with supplied ID');
    await fails('ms/emailing/4102', 'No emailing with supplied ID');
    await fails('publisher/emailing/abc/statistics', 'No emailing with supplied ID');
    await fails('publisher/emailing/999999/bogus', 'No emailing with supplied ID');
    await fails('publisher/emailing/4102/bogus', 'Invalid method');
    await fails(`ms/destination/${pubDest.internal}`, 'No destination with supplied ID');
    await fails('publisher/testgroup/1', 'No testgroup with supplied ID');
    await fails('publisher/bogus', 'Invalid method');
    const post = await emu.post('publisher/emailing/4102/statistics', {});
    expect(post.json).toEqual({ error: { message: 'Invalid method' } });
  });

  it('bad times are 400, bad paging follows the conventions (empty page, echoed)', async () => {
    const r = await emu.get('ms/emailing/633/statistics', { begintime: 'yesterdayish' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/begintime/);
    expect((await emu.get('publisher/clicks', { 'fields[]': 'timestamp>notatime' })).status).toBe(400);
    expect((await emu.get('publisher/destinations', { from: '2024-13-45' })).status).toBe(400);
    const neg = await ok('publisher/clicks', { start: '-5', limit: '10' });
    expect(neg).toMatchObject({ start: -5, limit: 10, count: 0, data: [] });
    expect((await ok('publisher/clicks', { limit: '5000' })).limit).toBe(1000);
    expect((await ok('publisher/clicks', { start: '99999999999999999999' })).count).toBe(0);
  });
});
