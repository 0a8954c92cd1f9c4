// Fuzz: 10,000 random and hostile requests (wrong types, huge strings, SQL and path tricks, broken
// encodings, bad JSON). Nothing may answer 5xx, every 400 has the documented error shape, and a rejected
// request never changes the data (checked with a checksum over every table).
import { describe, expect, it } from 'vitest';
import { createTestEmulator, TOKEN } from '../testing/emulator.ts';
import { createRng, type Rng } from './rng.ts';

const N = 10_000;

const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE profiles; --',
  '1; DELETE FROM databases',
  '../../etc/passwd',
  '%2e%2e%2f%2e%2e',
  '%00',
  '%ff%fe',
  '%E0%A4%A',
  '\u0000',
  '🦄',
  'ﬀ',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'NaN',
  'null',
  '[]',
  '{}',
  'id',
  'f1',
  'removed',
  'x'.repeat(5000),
];

// Every documented route: most requests follow one, with hostile values in IDs, query and body.
const ROUTES = `GET databases|POST databases|GET database/{db}|PUT database/{db}|POST database/{db}/copy|PUT database/{db}/intentions
GET database/{db}/fields|POST database/{db}/fields|PUT database/{db}/field/{field}|DELETE database/{db}/field/{field}
GET database/{db}/collections|POST database/{db}/collections|GET collection/{coll}|PUT collection/{coll}|PUT collection/{coll}/intentions
GET collection/{coll}/fields|POST collection/{coll}/fields|PUT collection/{coll}/field/{field}|DELETE collection/{coll}/field/{field}
GET database/{db}/interests|POST database/{db}/interests|PUT interest/{interest}|DELETE interest/{interest}
GET database/{db}/unsubscribe|PUT database/{db}/unsubscribe|PUT database/{db}/unsubscribes|GET collection/{coll}/unsubscribe
PUT collection/{coll}/unsubscribe|PUT collection/{coll}/unsubscribes|GET database/{db}/profiles|POST database/{db}/profiles
PUT database/{db}/profiles|DELETE database/{db}/profiles|GET database/{db}/profileids|GET profile/{pid}|PUT profile/{pid}
DELETE profile/{pid}|GET profile/{pid}/fields|PUT profile/{pid}/fields|GET profile/{pid}/interests|POST profile/{pid}/interests
PUT profile/{pid}/interests|GET profile/{pid}/subprofiles/{coll}|POST profile/{pid}/subprofiles/{coll}|PUT profile/{pid}/subprofiles/{coll}
PUT profile/{pid}/unsubscribe|GET collection/{coll}/subprofiles|PUT collection/{coll}/subprofiles|GET collection/{coll}/subprofileids
GET subprofile/{spid}|PUT subprofile/{spid}|DELETE subprofile/{spid}|GET subprofile/{spid}/fields|PUT subprofile/{spid}/fields
PUT subprofile/{spid}/unsubscribe|POST webhooks|GET webhooks|GET webhook/{webhook}|PUT webhook/{webhook}|DELETE webhook/{webhook}
GET token|GET identity`
  .split(/[|\n]/)
  .map((r) => r.trim().split(' ') as [string, string]);

type Ids = Record<'databases' | 'collections' | 'profiles' | 'subprofiles' | 'fields' | 'interests' | 'webhooks', string[]>;

function build(rng: Rng, ids: Ids) {
  const seg = () =>
    rng.chance(0.4)
      ? rng.pick(HOSTILE)
      : rng.pick([
          ...ids.databases,
          ...ids.collections,
          ...ids.profiles,
          ...ids.subprofiles,
          ...ids.fields,
          'Customers',
          'orders',
          String(rng.int(-5, 100000)),
          '',
        ]);
  const heads = [
    'database',
    'databases',
    'collection',
    'profile',
    'subprofile',
    'interest',
    'webhook',
    'webhooks',
    'identity',
    'token',
    'en/authorize',
  ];
  const subs = [
    'profiles',
    'profileids',
    'fields',
    'field',
    'collections',
    'interests',
    'unsubscribe',
    'unsubscribes',
    'intentions',
    'copy',
    'subprofiles',
    'subprofileids',
    'deliveries',
  ];
  let parts: string[];
  let method: string;
  if (rng.chance(0.75)) {
    const [m, template] = rng.pick(ROUTES);
    const slot: Record<string, string[]> = {
      db: ids.databases,
      coll: ids.collections,
      field: ids.fields,
      pid: ids.profiles,
      spid: ids.subprofiles,
      interest: ids.interests,
      webhook: ids.webhooks,
    };
    method = rng.chance(0.9) ? m : rng.pick(['GET', 'POST', 'PUT', 'DELETE']);
    parts = [
      template.replace(/\{(\w+)\}/g, (_, k: string) =>
        rng.chance(0.85) && slot[k]?.length ? rng.pick(slot[k] as string[]) : encodeURIComponent(seg()),
      ),
    ];
  } else {
    method = rng.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
    parts = [rng.pick(heads)];
    const depth = rng.int(0, 4);
    for (let i = 0; i < depth; i++)
      parts.push(i % 2 === 0 ? encodeURIComponent(seg()) : rng.chance(0.8) ? rng.pick(subs) : encodeURIComponent(seg()));
  }
  const query: string[] = [];
  if (rng.chance(0.95)) query.push(`access_token=${rng.chance(0.95) ? TOKEN : encodeURIComponent(seg())}`);
  const params = [
    'start',
    'limit',
    'total',
    'orderby',
    'order',
    'dataonly',
    'create',
    'return',
    'fields[]',
    'fields%5B0%5D',
    'fields',
    'database',
    'collection',
  ];
  for (let i = rng.int(0, 4); i > 0; i--) {
    const name = rng.pick(params);
    const value = rng.chance(0.5)
      ? seg()
      : `${rng.pick(['age', 'email', 'id', 'code', 'modified', 'firstname', 'x'])}${rng.pick(['==', '!=', '<', '>=', '=~', '!~', '=', '<>>'])}${seg()}`;
    query.push(`${name}=${rng.chance(0.9) ? encodeURIComponent(value) : value}`);
  }
  let body: string | Uint8Array | undefined;
  let type: string | undefined;
  if (method !== 'GET' && rng.chance(0.85)) {
    const kind = rng.int(0, 7);
    const value = () =>
      rng.pick<unknown>([
        seg(),
        rng.int(-10, 10),
        2.5,
        true,
        false,
        null,
        [],
        {},
        [seg(), seg()],
        { a: { b: { c: seg() } } },
        'x'.repeat(rng.int(0, 20000)),
      ]);
    const obj = () => {
      const o: Record<string, unknown> = {};
      for (const k of [
        'fields',
        'interests',
        'name',
        'type',
        'value',
        'profiles',
        'behavior',
        'handler',
        'trigger',
        'callers',
        'secret',
        'options',
        'index',
        seg(),
      ]) {
        if (rng.chance(0.3)) o[k] = rng.chance(0.5) ? value() : { [rng.pick(['email', 'age', 'firstname', seg()])]: value() };
      }
      return o;
    };
    type = 'application/json';
    if (kind === 0) body = JSON.stringify(obj());
    else if (kind === 1) body = JSON.stringify(value());
    else if (kind === 2)
      body = `{"fields": {"email": "x"`; // truncated
    else if (kind === 3) {
      type = 'application/x-www-form-urlencoded';
      body = `fields[email]=${encodeURIComponent(seg())}&interests[]=golf&a[b][c][d][e][f][g][h][i][j]=1&${seg()}=${seg()}&x[=1&%zz=%`;
    } else if (kind === 4)
      body = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // broken UTF-8
    else if (kind === 5) {
      type = rng.pick(['text/plain', 'application/xml', 'multipart/form-data', '']);
      body = rng.chance(0.5) ? JSON.stringify(obj()) : seg();
    } else if (kind === 6)
      body = `${'['.repeat(5000)}${']'.repeat(5000)}`; // deep nesting
    else body = JSON.stringify({ fields: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, seg()])) });
  }
  return { method, url: `/${rng.chance(0.8) ? 'v3/' : ''}${parts.join('/')}${query.length ? `?${query.join('&')}` : ''}`, body, type };
}

describe('fuzz', () => {
  it(`survives ${N} random and hostile requests without 5xx or half-written data`, async () => {
    const emu = createTestEmulator({ profiles: 60, seed: 3 });
    const { db } = emu;
    const col = (sql: string) => (db.prepare(sql).all() as Record<string, number>[]).map((r) => String(Object.values(r)[0]));
    const ids = {
      databases: col('SELECT id FROM databases'),
      collections: col('SELECT id FROM collections'),
      profiles: col('SELECT id FROM profiles LIMIT 30'),
      subprofiles: col('SELECT id FROM subprofiles LIMIT 30'),
      fields: col('SELECT id FROM fields LIMIT 30'),
      interests: col('SELECT id FROM interests'),
      webhooks: [] as string[],
    };
    for (let i = 0; i < 3; i++) {
      const hook = await emu.post('webhooks', { handler: 'http://127.0.0.1:9/none', trigger: ['create', 'update', 'delete'][i] });
      ids.webhooks.push(hook.headers.get('x-created') as string);
    }
    const checksum = () => {
      let h = 0;
      const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL ORDER BY name`).all() as {
        name: string;
        sql: string;
      }[];
      for (const t of tables) {
        const text = t.sql + JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).raw().all());
        for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
      }
      return h;
    };
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

    const rng = createRng(20260501);
    const statuses = new Map<number, number>();
    const msgs = new Map<string, number>();
    let known = checksum();
    let knownAt = changes();
    for (let i = 0; i < N; i++) {
      const req = build(rng, ids);
      if (changes() !== knownAt) {
        known = checksum();
        knownAt = changes();
      }
      const headers: Record<string, string> = {};
      if (req.type) headers['Content-Type'] = req.type;
      let res: Response;
      try {
        res = await emu.app.request(req.url, { method: req.method, headers, body: req.body as RequestInit['body'] });
      } catch (err) {
        throw new Error(`request threw: ${req.method} ${req.url.slice(0, 200)}: ${(err as Error).message}`);
      }
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (process.env.FUZZ_DEBUG) {
        const m =
          res.status === 400 && text.startsWith('{')
            ? JSON.parse(text).error.message.slice(0, 40)
            : `${res.status} ${req.method} ${req.url.split('?')[0].slice(0, 40)}`;
        msgs.set(m, (msgs.get(m) ?? 0) + 1);
      }
      if (res.status >= 500)
        throw new Error(`${res.status} for ${req.method} ${req.url.slice(0, 300)} body ${String(req.body).slice(0, 300)}: ${text}`);
      if (res.status === 400 && res.headers.get('content-type') === 'application/json') {
        const parsed = JSON.parse(text);
        expect(Object.keys(parsed)).toEqual(['error']);
        expect(typeof parsed.error.message).toBe('string');
        if (changes() !== knownAt) {
          // The request was rejected after touching rows: everything must have been rolled back.
          expect(checksum(), `${req.method} ${req.url.slice(0, 200)}`).toBe(known);
        }
      }
    }
    if (process.env.FUZZ_DEBUG) console.log([...msgs].sort((a, b) => b[1] - a[1]).slice(0, 60));
    await emu.ctx.webhooks.idle();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await emu.get('database/Customers/profiles', { limit: '5' })).status).toBe(200);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(N / 4);
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) + (statuses.get(204) ?? 0)).toBeGreaterThan(N / 10);
  });
});
