import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../../testing/emulator.ts';

const fixedNow = () => new Date('2026-05-01T10:00:00Z'); // 12:00:00 Amsterdam (summer time)

function setup() {
  let now = fixedNow();
  const emu = createTestEmulator({ profiles: 0, now: () => now });
  return { ...emu, setNow: (d: Date) => (now = d) };
}

/** A small database with one field of each kind, for precise assertions. */
async function makeDatabase(emu: ReturnType<typeof setup>) {
  const db = await emu.post('databases', { name: 'Shop' });
  expect(db.status).toBe(201);
  const id = db.headers.get('x-created') as string;
  const fields: [string, Record<string, unknown>][] = [
    ['email', { type: 'email', index: true }],
    ['firstname', { type: 'text' }],
    ['age', { type: 'integer', value: '-1' }],
    ['score', { type: 'float' }],
    ['birthdate', { type: 'date' }],
    ['seen', { type: 'empty_datetime' }],
    ['level', { type: 'select', value: 'low\nmid*\nhigh' }],
  ];
  for (const [name, props] of fields) expect((await emu.post(`database/${id}/fields`, { name, ...props })).status).toBe(201);
  await emu.post(`database/${id}/interests`, { name: 'golf', group: 'sports' });
  await emu.post(`database/${id}/interests`, { name: 'chess', group: 'games' });
  return id;
}

describe('POST database/$id/profiles (restv3/rest-post-database-profiles.md)', () => {
  it('creates with 201, X-Created, X-location and Location; applies defaults and coercion', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const r = await emu.post(`database/${db}/profiles`, {
      fields: { EMAIL: 'bo@example.org', age: '29.9', unknown: 'x' },
      interests: { golf: 1, chess: 0 },
    });
    expect(r.status).toBe(201);
    expect(r.text).toBe('');
    const id = r.headers.get('x-created') as string;
    expect(id).toMatch(/^\d+$/);
    expect(r.headers.get('x-location')).toBe(`http://emulator.test/v3/profile/${id}`);
    expect(r.headers.get('location')).toBe(`http://emulator.test/v3/profile/${id}`);
    const p = await emu.get(`profile/${id}`);
    expect(p.status).toBe(200);
    expect(Object.keys(p.json)).toEqual(['ID', 'fields', 'interests', 'database', 'secret', 'created', 'modified', 'removed']);
    expect(p.json).toMatchObject({
      ID: id,
      database: db,
      fields: { email: 'bo@example.org', firstname: '', age: '29', score: '0', birthdate: '0000-00-00', seen: '', level: 'mid' },
      interests: ['golf'],
      created: '2026-05-01 12:00:00',
      modified: '2026-05-01 12:00:00',
      removed: false,
    });
    expect(p.json.secret).toMatch(/^[0-9a-f]{28}$/);
  });

  it('uses the field default when absent, and 0 for explicit null/"" on integers', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const a = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    const b = (await emu.post(`database/${db}/profiles`, { fields: { age: null } })).headers.get('x-created');
    expect((await emu.get(`profile/${a}`)).json.fields.age).toBe('-1');
    expect((await emu.get(`profile/${b}`)).json.fields.age).toBe('0');
  });

  it('rejects a non-object fields with Invalid data provided, and ignores FIELDS (wrong case)', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    for (const fields of [true, 0, 'x']) {
      const r = await emu.post(`database/${db}/profiles`, { fields });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: { message: 'Invalid data provided' } });
    }
    const r = await emu.post(`database/${db}/profiles`, { FIELDS: { email: 'x@y.z' } });
    expect(r.status).toBe(201);
    expect((await emu.get(`profile/${r.headers.get('x-created')}`)).json.fields.email).toBe('');
  });

  it('accepts form-encoded bodies with bracket keys', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const r = await emu.call('POST', `database/${db}/profiles`, {
      form: 'fields[email]=ann%40example.org&fields[firstname]=Ann&interests[]=golf',
    });
    expect(r.status).toBe(201);
    const p = (await emu.get(`profile/${r.headers.get('x-created')}`)).json;
    expect(p.fields.email).toBe('ann@example.org');
    expect(p.interests).toEqual(['golf']);
  });

  it('ignores superfluous path segments', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    expect((await emu.post(`database/${db}/profiles/x`, {})).status).toBe(201);
    expect((await emu.get(`database/${db}/profiles/x/y`)).json.count).toBe(1);
  });
});

describe('GET database/$id/profiles (restv3/rest-get-database-profiles.md)', () => {
  async function filled() {
    const emu = setup();
    const db = await makeDatabase(emu);
    const rows = [
      { email: 'a@x.org', firstname: 'Muit', age: 10, score: 1.5, birthdate: '2000-01-01', level: 'low' },
      { email: 'b@x.org', firstname: 'ann', age: 20, score: 2.5, birthdate: '1990-06-15', level: 'high' },
      { email: 'c@x.org', firstname: 'Bo', age: 30, score: 3.5, birthdate: '1980-12-31', level: 'mid' },
      { email: 'd@y.org', firstname: '', age: 40, score: 4.5, birthdate: '', level: 'High' },
    ];
    const ids: string[] = [];
    for (const fields of rows) ids.push((await emu.post(`database/${db}/profiles`, { fields })).headers.get('x-created') as string);
    return { emu, db, ids };
  }

  it('lists live profiles in ID order with the paging wrapper', async () => {
    const { emu, db, ids } = await filled();
    await emu.del(`profile/${ids[1]}`);
    const r = await emu.get(`database/${db}/profiles`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['start', 'limit', 'count', 'data', 'total']);
    expect(r.json.data.map((p: { ID: string }) => p.ID)).toEqual([ids[0], ids[2], ids[3]]);
    expect(r.json.total).toBe(3);
    expect(r.json.data[0].removed).toBe(false);
  });

  it('filters with every operator and the special names', async () => {
    const { emu, db, ids } = await filled();
    const q = async (...fields: string[]) =>
      (await emu.get(`database/${db}/profiles`, { 'fields[]': fields })).json.data.map((p: { ID: string }) => ids.indexOf(p.ID));
    expect(await q('age==20')).toEqual([1]);
    expect(await q('age!=20')).toEqual([0, 2, 3]);
    expect(await q('age<>20')).toEqual([0, 2, 3]);
    expect(await q('age>20')).toEqual([2, 3]);
    expect(await q('age>=20', 'age<40')).toEqual([1, 2]);
    expect(await q('age<=20')).toEqual([0, 1]);
    expect(await q('score>2.9')).toEqual([2, 3]);
    expect(await q('firstname==MUIT')).toEqual([0]); // text is case-insensitive
    expect(await q('LASTNAME==x', 'FIRSTNAME==bo')).toEqual([2]); // unknown field dropped; names case-insensitive
    expect(await q('level==high')).toEqual([1]); // select is case-sensitive…
    expect(await q('level==HIGH')).toEqual([]);
    expect(await q('level==High')).toEqual([]); // …and "High" was no choice, so it was stored as
    expect(await q('level==')).toEqual([3]);
    expect(await q('email=~%@x.org')).toEqual([0, 1, 2]);
    expect(await q('email!~%@x.org')).toEqual([3]);
    expect(await q('firstname=~_o')).toEqual([2]);
    expect(await q('birthdate<1995-01-01')).toEqual([1, 2, 3]);
    expect(await q(`id>${ids[1]}`)).toEqual([2, 3]);
    expect(await q('firstname==')).toEqual([3]);
    expect(await q('age== 20')).toEqual([1]); // numeric values are normalised
    expect(await q('firstname== ann')).toEqual([]); // text keeps the space
    expect(await q('bogus', 'age=20', '==5')).toEqual([0, 1, 2, 3]); // malformed: ignored
    expect(await q('modified>2026-01-01')).toEqual([0, 1, 2, 3]);
    expect(await q('modified<2026-01-01')).toEqual([]);
    const code = (await emu.get(`profile/${ids[2]}`)).json.secret;
    expect(await q(`code==${code}`)).toEqual([2]);
  });

  it('accepts fields as fields[n] and percent-encoded brackets, and counts total after filtering', async () => {
    const { emu, db } = await filled();
    const r = await emu.app.request(`/v3/database/${db}/profiles?fields%5B0%5D=age%3E15&fields[1]=age%3C35&access_token=test-token`);
    const body = (await r.json()) as { count: number; total: number };
    expect(body.count).toBe(2);
    expect(body.total).toBe(2);
  });

  it('orders by field name or ID, modified, id; desc/descending', async () => {
    const { emu, db, ids } = await filled();
    const order = async (q: Record<string, string>) =>
      (await emu.get(`database/${db}/profiles`, q)).json.data.map((p: { ID: string }) => ids.indexOf(p.ID));
    expect(await order({ orderby: 'firstname' })).toEqual([3, 1, 2, 0]);
    expect(await order({ orderby: 'age', order: 'DESC' })).toEqual([3, 2, 1, 0]);
    expect(await order({ orderby: 'age', order: 'descending' })).toEqual([3, 2, 1, 0]);
    expect(await order({ orderby: 'nonsense', order: 'sideways' })).toEqual([0, 1, 2, 3]);
    const fields = (await emu.get(`database/${db}/fields`)).json.data;
    const scoreId = fields.find((f: { name: string }) => f.name === 'score').ID;
    expect(await order({ orderby: scoreId, order: 'desc' })).toEqual([3, 2, 1, 0]);
    expect((await order({ orderby: 'random' })).sort()).toEqual([0, 1, 2, 3]);
  });

  it('supports dataonly and total=false', async () => {
    const { emu, db } = await filled();
    const r = await emu.get(`database/${db}/profiles`, { dataonly: 'true', total: 'false', limit: '1' });
    expect(Object.keys(r.json)).toEqual(['start', 'limit', 'count', 'data']);
    expect(Object.keys(r.json.data[0])).toEqual(['ID', 'fields', 'interests', 'modified']);
  });

  it('lists profile IDs as a bare array', async () => {
    const { emu, db, ids } = await filled();
    const r = await emu.get(`database/${db}/profileids`);
    expect(r.json).toEqual(ids.map(Number));
    expect((await emu.get(`database/${db}/profileids`, { start: '1', limit: '2' })).json).toEqual([Number(ids[1]), Number(ids[2])]);
  });
});

describe('PUT database/$id/profiles (restv3/rest-put-database-profiles.md)', () => {
  it('requires the fields parameter', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const r = await emu.put(`database/${db}/profiles`, { fields: { firstname: 'x' } });
    expect(r.json).toEqual({ error: { message: 'URL parameter fields is required' } });
  });

  it('updates all matches, creates with create=true when nothing matches, else does nothing', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const a = (await emu.post(`database/${db}/profiles`, { fields: { email: 'a@x.org' } })).headers.get('x-created');
    await emu.post(`database/${db}/profiles`, { fields: { email: 'b@x.org' } });
    const upd = await emu.put(`database/${db}/profiles`, { fields: { firstname: 'Zed' } }, { 'fields[]': 'email==a@x.org' });
    expect(upd.status).toBe(204);
    expect((await emu.get(`profile/${a}`)).json.fields.firstname).toBe('Zed');
    const none = await emu.put(`database/${db}/profiles`, { fields: { firstname: 'Q' } }, { 'fields[]': 'email==q@x.org' });
    expect(none.status).toBe(204);
    const made = await emu.put(
      `database/${db}/profiles`,
      { fields: { email: 'q@x.org' } },
      { 'fields[]': 'email==q@x.org', create: 'true' },
    );
    expect(made.status).toBe(201);
    expect(made.headers.get('x-created')).toMatch(/^\d+$/);
    expect(made.headers.get('location')).toBe(`http://emulator.test/v3/profile/${made.headers.get('x-created')}`);
    // Only unknown fields in the filter: every profile is updated [peer].
    await emu.put(`database/${db}/profiles`, { fields: { firstname: 'All' } }, { 'fields[]': 'nosuchfield==1' });
    const names = (await emu.get(`database/${db}/profiles`)).json.data.map((p: { fields: { firstname: string } }) => p.fields.firstname);
    expect(names).toEqual(['All', 'All', 'All']);
    expect((await emu.put(`database/${db}/profiles`, { fields: 'x' }, { 'fields[]': 'id>0' })).json.error.message).toBe(
      'Invalid data provided',
    );
  });
});

describe('profile/$id (restv3/rest-get-profile.md, rest-put-profile.md, rest-delete-profile.md)', () => {
  it('updates fields, interests and secret; bumps modified only on a real change', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const id = (await emu.post(`database/${db}/profiles`, { fields: { age: 5 } })).headers.get('x-created');
    emu.setNow(new Date('2026-05-02T10:00:00Z'));
    expect((await emu.put(`profile/${id}`, { fields: { age: '5.9' } })).status).toBe(204);
    expect((await emu.get(`profile/${id}`)).json.modified).toBe('2026-05-01 12:00:00'); // 5.9 → 5: no change
    await emu.put(`profile/${id}`, { secret: 'abc' });
    expect((await emu.get(`profile/${id}`)).json).toMatchObject({ secret: 'abc', modified: '2026-05-01 12:00:00' });
    await emu.put(`profile/${id}`, { fields: { age: 6 }, interests: ['golf'], create: true });
    expect((await emu.get(`profile/${id}`)).json).toMatchObject({
      modified: '2026-05-02 12:00:00',
      interests: ['golf'],
      fields: { age: '6' },
    });
    expect((await emu.put(`profile/${id}`, { fields: 'not an object' })).status).toBe(204); // ignored here
    expect((await emu.post(`profile/${id}`, { fields: { firstname: 'Post' } })).status).toBe(204); // POST = PUT
    expect((await emu.get(`profile/${id}`)).json.fields.firstname).toBe('Post');
  });

  it('soft-deletes: 204 + X-deleted, still readable with empty values, gone from lists; a second delete fails', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const coll = (await emu.post(`database/${db}/collections`, { name: 'orders' })).headers.get('x-created');
    await emu.post(`collection/${coll}/fields`, { name: 'amount', type: 'float' });
    const id = (await emu.post(`database/${db}/profiles`, { fields: { firstname: 'Del' }, interests: ['golf'] })).headers.get('x-created');
    const sub = (await emu.post(`profile/${id}/subprofiles/${coll}`, { amount: 5 })).headers.get('x-created');
    emu.setNow(new Date('2026-05-03T10:00:00Z'));
    const d = await emu.del(`profile/${id}`);
    expect(d.status).toBe(204);
    expect(d.headers.get('x-deleted')).toBe(`profile ${id}`);
    const p = (await emu.get(`profile/${id}`)).json;
    expect(p).toMatchObject({ removed: '2026-05-03 12:00:00', modified: '2026-05-01 12:00:00', interests: [] });
    expect(Object.values(p.fields).every((v) => v === '')).toBe(true);
    expect((await emu.get(`database/${db}/profiles`)).json.total).toBe(0);
    expect((await emu.get(`subprofile/${sub}`)).json.removed).toBe('2026-05-03 12:00:00');
    expect((await emu.del(`profile/${id}`)).json).toEqual({ error: { message: 'This profile has already been removed' } });
    expect((await emu.del(`profile/${id}/x/y`)).json.error.message).toBe('This profile has already been removed');
    // PUT on a removed profile is accepted and bumps modified; fields keep reading "".
    emu.setNow(new Date('2026-05-04T10:00:00Z'));
    expect((await emu.put(`profile/${id}`, { fields: { firstname: 'Del' } })).status).toBe(204);
    expect((await emu.get(`profile/${id}`)).json).toMatchObject({ modified: '2026-05-04 12:00:00', fields: { firstname: '' } });
  });

  it('hard-deletes with completely=Yes', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const id = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    expect((await emu.del(`profile/${id}`, { completely: 'Yes' })).status).toBe(204);
    expect((await emu.get(`profile/${id}`)).json.error.message).toBe('No entity with supplied ID');
  });

  it('answers unknown profiles, bad sub-paths and missing elements with the documented texts', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const id = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    expect((await emu.get('profile/999999')).json.error.message).toBe('No entity with supplied ID');
    expect((await emu.get('profile/abc/fields')).json.error.message).toBe('No entity with supplied ID');
    expect((await emu.get(`profile/${id}/subprofile`)).json.error.message).toBe('Invalid method');
    expect((await emu.del(`profile/${id}/fields`)).json.error.message).toBe('Invalid method');
    expect((await emu.get(`profile/${id}/subprofiles`)).json.error.message).toBe(
      "Invalid request, element 3 is missing in 'directory' path",
    );
    expect((await emu.put('profile', {})).json.error.message).toBe("Invalid request, element 1 is missing in 'directory' path");
  });

  it('reads and writes profile fields as a flat map', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const id = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    expect((await emu.put(`profile/${id}/fields`, { firstname: 'Flat', age: '7' })).status).toBe(204);
    expect((await emu.call('PUT', `profile/${id}/fields`, { form: 'email=f%40x.org' })).status).toBe(204);
    const fields = (await emu.get(`profile/${id}/fields`)).json;
    expect(fields).toMatchObject({ firstname: 'Flat', age: '7', email: 'f@x.org' });
    expect((await emu.get(`profile/${id}/fields/1`)).json).toEqual(fields);
  });

  it('bulk-deletes with a DELETE body', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    const a = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    const b = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    await emu.post(`database/${db}/profiles`, {});
    expect((await emu.del(`database/${db}/profiles`, { profiles: [Number(a), b, 12345678] })).status).toBe(204);
    expect((await emu.get(`database/${db}/profiles`)).json.total).toBe(1);
  });
});

describe('profile interests (restv3/rest-get-profile-interests.md, rest-post-…, rest-put-…)', () => {
  it('GET names/ids/objects; POST merges; PUT replaces; lists or {name: 0/1}', async () => {
    const emu = setup();
    const db = await makeDatabase(emu);
    await emu.post(`database/${db}/interests`, { name: 'tennis', group: 'sports' });
    const id = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    expect((await emu.post(`profile/${id}/interests`, ['golf', 'chess'])).status).toBe(204);
    expect((await emu.get(`profile/${id}/interests`)).json).toEqual(['golf', 'chess']);
    await emu.post(`profile/${id}/interests`, { chess: 0, TENNIS: 1 });
    expect((await emu.get(`profile/${id}/interests`)).json).toEqual(['golf', 'tennis']);
    await emu.put(`profile/${id}/interests`, ['chess']);
    expect((await emu.get(`profile/${id}/interests`)).json).toEqual(['chess']);
    await emu.put(`profile/${id}/interests`, { golf: 1, tennis: true, chess: 0, unknown: 1 });
    expect((await emu.get(`profile/${id}/interests`)).json).toEqual(['golf', 'tennis']);
    const ids = (await emu.get(`profile/${id}/interests`, { return: 'ids' })).json;
    expect(ids.every((x: unknown) => typeof x === 'string')).toBe(true);
    expect((await emu.get(`profile/${id}/interests`, { return: 'objects' })).json[0]).toEqual({
      ID: ids[0],
      name: 'golf',
      group: 'sports',
    });
  });
});
