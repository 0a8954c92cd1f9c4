import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../../testing/emulator.ts';

describe('POST/PUT databases (restv3/rest-post-databases.md, rest-put-database.md)', () => {
  it('creates, validates and updates', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const r = await emu.post('databases', { name: 'Leads', description: 'From the fair', archived: false });
    expect(r.status).toBe(201);
    const id = r.headers.get('x-created');
    expect(r.headers.get('x-location')).toBe(`http://emulator.test/v3/database/${id}`);
    expect((await emu.get(`database/${id}`)).json).toMatchObject({ ID: id, name: 'Leads', description: 'From the fair', archived: false });
    for (const name of ['', 'leads', '123', undefined]) {
      expect((await emu.post('databases', { name })).json.error.message).toMatch(/^Invalid data provided/);
    }
    expect((await emu.put(`database/${id}`, { archived: true, description: 'old' })).status).toBe(204);
    expect((await emu.get('database/leads')).json).toMatchObject({ archived: true, description: 'old', name: 'Leads' });
    expect((await emu.post(`database/${id}`)).status).toBe(204); // POST = PUT, empty body: 2xx without X-Created
    expect((await emu.get(`database/${id}/copy`)).json.error.message).toBe('Invalid method');
  });

  it('sets intentions only when the matching field exists', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const id = (await emu.post('databases', { name: 'I' })).headers.get('x-created');
    expect((await emu.put(`database/${id}/intentions`, { email: true })).json.error.message).toMatch(/email/);
    await emu.post(`database/${id}/fields`, { name: 'email', type: 'email' });
    expect((await emu.put(`database/${id}/intentions`, { email: true, pdf: 1 })).status).toBe(204);
    expect((await emu.get(`database/${id}`)).json.intentions).toEqual({ email: 1, sms: null, fax: null, pdf: 1 });
    await emu.put(`database/${id}/intentions`, { pdf: false });
    expect((await emu.get(`database/${id}`)).json.intentions).toEqual({ email: 1, sms: null, fax: null, pdf: null });
  });

  it('copies a database with its structure, and on request collections, profiles and subprofiles', async () => {
    const emu = createTestEmulator({ profiles: 300 });
    const src = (await emu.get('database/Customers')).json;
    const r = await emu.post('database/Customers/copy', {
      name: 'Customers_copy',
      options: { collections: true, profiles: true, subprofiles: true },
    });
    expect(r.status).toBe(201);
    const copy = (await emu.get(`database/${r.headers.get('x-created')}`)).json;
    expect(copy.fields.data.map((f: { name: string }) => f.name)).toEqual(src.fields.data.map((f: { name: string }) => f.name));
    expect(copy.interests.count).toBe(src.interests.count);
    expect(copy.collections.data.map((c: { name: string }) => c.name)).toEqual(['Orders', 'Addresses']);
    const before = (await emu.get('database/Customers/profiles', { limit: '1' })).json;
    const after = (await emu.get(`database/${copy.ID}/profiles`, { limit: '1' })).json;
    expect(after.total).toBe(before.total);
    expect(after.data[0].fields).toEqual(before.data[0].fields);
    expect(after.data[0].interests).toEqual(before.data[0].interests);
    const orders = copy.collections.data[0].ID;
    expect((await emu.get(`collection/${orders}/subprofiles`)).json.total).toBeGreaterThan(0);
    const bare = await emu.post('database/Customers/copy', { name: 'Bare' });
    const bareDb = (await emu.get(`database/${bare.headers.get('x-created')}`)).json;
    expect(bareDb.collections.count).toBe(0);
    expect((await emu.get(`database/${bareDb.ID}/profiles`)).json.total).toBe(0);
  });
});

describe('database fields (restv3/rest-get-database-fields.md, rest-post-…, rest-put-…, rest-delete-…)', () => {
  it('creates every type with defaults and validates', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'F' })).headers.get('x-created');
    const types = [
      'integer',
      'float',
      'date',
      'empty_date',
      'datetime',
      'empty_datetime',
      'text',
      'email',
      'phone',
      'phone_fax',
      'phone_gsm',
      'select',
      'big',
      'foreign_key',
    ];
    for (const type of types) expect((await emu.post(`database/${db}/fields`, { name: `f_${type}`, type })).status).toBe(201);
    const list = (await emu.get(`database/${db}/fields`)).json;
    expect(list.total).toBe(types.length);
    expect(list.data.find((f: { type: string }) => f.type === 'integer')).toMatchObject({
      value: '0',
      length: '255',
      textlines: '1',
      index: false,
    });
    const bad: Record<string, unknown>[] = [
      { name: '' },
      { name: '1abc' },
      { name: 'id' },
      { name: 'Code' },
      { name: 'F_TEXT' },
      { name: 'x', type: 'nope' },
      { name: 'e2', type: 'email' },
      { name: 'b2', type: 'big', index: true },
    ];
    for (const body of bad) expect((await emu.post(`database/${db}/fields`, body)).json.error.message).toMatch(/^Invalid data provided/);
  });

  it('adds columns with empty values to existing profiles, updates and deletes fields', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'G' })).headers.get('x-created');
    const pid = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    const fid = (await emu.post(`database/${db}/fields`, { name: 'n', type: 'integer', value: '-1' })).headers.get('x-created');
    expect((await emu.get(`profile/${pid}`)).json.fields).toEqual({ n: '0' }); // not the default [peer]
    await emu.put(`profile/${pid}/fields`, { n: '42' });
    expect((await emu.put(`database/${db}/field/${fid}`, { name: 'num', type: 'text', index: true })).status).toBe(204);
    expect((await emu.get(`profile/${pid}`)).json.fields).toEqual({ num: '42' });
    expect((await emu.get(`database/${db}/profiles`, { 'fields[]': 'num==42' })).json.count).toBe(1);
    expect((await emu.put(`database/${db}/field/99999`, { name: 'x' })).json.error.message).toBe('No field with supplied ID');
    const d = await emu.del(`database/${db}/field/NUM`);
    expect(d.status).toBe(204);
    expect(d.headers.get('x-deleted')).toBe(`field ${fid}`);
    expect((await emu.get(`profile/${pid}`)).json.fields).toEqual({});
    expect((await emu.get(`database/${db}/field/1`)).json.error.message).toBe('Invalid method');
  });
});

describe('collections (restv3/rest-get-database-collections.md … rest-delete-collection-field.md)', () => {
  it('creates, reads, renames collections and manages their fields', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'C' })).headers.get('x-created');
    const r = await emu.post(`database/${db}/collections`, { name: 'orders', description: 'kept, not shown' });
    expect(r.status).toBe(201);
    const id = r.headers.get('x-created');
    expect((await emu.post(`database/${db}/collections`, { name: 'bad name' })).json.error.message).toMatch(/^Invalid data provided/);
    expect((await emu.post(`database/${db}/collections`, { name: 'ORDERS' })).json.error.message).toMatch(/^Invalid data provided/);
    expect((await emu.post(`collection/${id}/fields`, { name: 'amount', type: 'float' })).status).toBe(201);
    const c = (await emu.get(`collection/${id}`)).json;
    expect(c).toMatchObject({ ID: id, name: 'orders', database: db, intentions: { email: null, sms: null, fax: null, pdf: null } });
    expect(Object.keys(c)).toEqual(['ID', 'name', 'database', 'fields', 'intentions']);
    expect(c.fields).toMatchObject({ start: 0, limit: 100, count: 1, total: 1 });
    expect((await emu.get(`database/${db}/collections`)).json.data[0].ID).toBe(id);
    expect((await emu.put(`collection/${id}`, { name: 'purchases' })).status).toBe(204);
    expect((await emu.get(`collection/${id}`)).json.name).toBe('purchases');
    expect((await emu.get(`collection/${id}/fields`)).json.data[0]).toMatchObject({ name: 'amount', type: 'float' });
    expect((await emu.post(`collection/${id}/field`, {})).json.error.message).toBe('No field id supplied for the field');
    expect((await emu.post(`collection/${id}/field/999999`, {})).json.error.message).toBe('Failed to get the field');
    expect((await emu.get('collection/999999')).json.error.message).toBe('No collection with given ID');
    expect((await emu.get('collection/orders')).json.error.message).toBe('No collection with given ID');
    expect((await emu.put(`collection/${id}/intentions`, { email: true })).json.error.message).toMatch(/email/);
  });
});

describe('interests (restv3/rest-get-database-interests.md, rest-post-…, rest-put-interest.md, rest-delete-interest.md)', () => {
  it('lists, creates, renames and deletes', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'N' })).headers.get('x-created');
    const r = await emu.post(`database/${db}/interests`, { name: 'golf', group: 'sports' });
    expect(r.status).toBe(201);
    const id = r.headers.get('x-created');
    expect((await emu.post(`database/${db}/interests`, { name: 'golf', group: 'other' })).status).toBe(201);
    expect((await emu.post(`database/${db}/interests`, { name: 'GOLF', group: 'sports' })).json.error.message).toMatch(
      /^Invalid data provided/,
    );
    expect((await emu.get(`database/${db}/interests`)).json).toMatchObject({
      start: 0,
      limit: 100,
      count: 2,
      total: 2,
      data: [{ ID: id, name: 'golf', group: 'sports' }, {}],
    });
    const pid = (await emu.post(`database/${db}/profiles`, { interests: [id] })).headers.get('x-created');
    expect((await emu.put(`interest/${id}/`, { group: 'outdoor' })).status).toBe(204);
    expect((await emu.get(`profile/${pid}/interests`, { return: 'objects' })).json).toEqual([{ ID: id, name: 'golf', group: 'outdoor' }]);
    const d = await emu.del(`interest/${id}`);
    expect(d.headers.get('x-deleted')).toBe(`interest ${id}`);
    expect((await emu.get(`profile/${pid}/interests`)).json).toEqual([]);
    expect((await emu.del(`interest/${id}`)).json.error.message).toBe('No interest with supplied ID');
  });
});

describe('unsubscribe behaviour (restv3/rest-get-database-unsubscribe.md, rest-put-…)', () => {
  it('reads, writes and executes nothing/update/remove', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'U' })).headers.get('x-created');
    await emu.post(`database/${db}/fields`, { name: 'newsletter', type: 'text' });
    expect((await emu.get(`database/${db}/unsubscribe`)).json).toEqual({ behavior: 'nothing', fields: {} });
    expect((await emu.put(`database/${db}/unsubscribe`, { behavior: 'sometimes' })).json.error.message).toMatch(/^Invalid data provided/);
    expect((await emu.put(`database/${db}/unsubscribe`, { behavior: 'update', fields: { NEWSLETTER: 'no', bogus: 1 } })).status).toBe(204);
    expect((await emu.get(`database/${db}/unsubscribe`)).json).toEqual({ behavior: 'update', fields: { newsletter: 'no' } });
    const a = (await emu.post(`database/${db}/profiles`, { fields: { newsletter: 'yes' } })).headers.get('x-created');
    const b = (await emu.post(`database/${db}/profiles`, { fields: { newsletter: 'weekly' } })).headers.get('x-created');
    expect((await emu.put(`profile/${a}/unsubscribe`, {})).status).toBe(204);
    expect((await emu.get(`profile/${a}`)).json.fields.newsletter).toBe('no');
    expect((await emu.put(`database/${db}/unsubscribes`, {})).json.error.message).toBe('URL parameter fields is required');
    await emu.put(`database/${db}/unsubscribe`, { behavior: 'remove' });
    expect((await emu.put(`database/${db}/unsubscribes`, {}, { 'fields[]': 'newsletter==weekly' })).status).toBe(204);
    expect((await emu.get(`profile/${b}`)).json.removed).not.toBe(false);
    expect((await emu.get(`profile/${a}`)).json.removed).toBe(false);
  });

  it('works for collections and subprofiles', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'V' })).headers.get('x-created');
    const coll = (await emu.post(`database/${db}/collections`, { name: 'subs' })).headers.get('x-created');
    await emu.post(`collection/${coll}/fields`, { name: 'active', type: 'text' });
    const pid = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created');
    const sid = (await emu.post(`profile/${pid}/subprofiles/${coll}`, { active: 'yes' })).headers.get('x-created');
    await emu.put(`collection/${coll}/unsubscribe`, { behavior: 'update', fields: { active: 'no' } });
    expect((await emu.get(`collection/${coll}/unsubscribe`)).json).toEqual({ behavior: 'update', fields: { active: 'no' } });
    expect((await emu.put(`subprofile/${sid}/unsubscribe`, {})).status).toBe(204);
    expect((await emu.get(`subprofile/${sid}/fields`)).json).toEqual({ active: 'no' });
    await emu.put(`collection/${coll}/unsubscribe`, { behavior: 'remove' });
    expect((await emu.put(`collection/${coll}/unsubscribes`, {}, { 'fields[]': 'active==no' })).status).toBe(204);
    expect((await emu.get(`subprofile/${sid}`)).json.removed).not.toBe(false);
  });
});
