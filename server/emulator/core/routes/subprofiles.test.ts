import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../../testing/emulator.ts';

async function setup() {
  const emu = createTestEmulator({ profiles: 0, now: () => new Date('2026-05-01T10:00:00Z') });
  const db = (await emu.post('databases', { name: 'S' })).headers.get('x-created') as string;
  const coll = (await emu.post(`database/${db}/collections`, { name: 'orders' })).headers.get('x-created') as string;
  await emu.post(`collection/${coll}/fields`, { name: 'order_id', type: 'text' });
  await emu.post(`collection/${coll}/fields`, { name: 'amount', type: 'float' });
  const p1 = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created') as string;
  const p2 = (await emu.post(`database/${db}/profiles`, {})).headers.get('x-created') as string;
  return { emu, db, coll, p1, p2 };
}

describe('subprofiles (restv3/rest-post-profile-subprofiles.md … rest-delete-subprofile.md)', () => {
  it('creates from a flat body (collection by ID or name) and reads in the documented shape', async () => {
    const { emu, coll, p1 } = await setup();
    const r = await emu.post(`profile/${p1}/subprofiles/${coll}`, { order_id: 'A-1', amount: '59.95', nope: 1 });
    expect(r.status).toBe(201);
    const id = r.headers.get('x-created');
    expect(r.headers.get('x-location')).toBe(`http://emulator.test/v3/subprofile/${id}`);
    expect((await emu.post(`profile/${p1}/subprofiles/ORDERS`, { order_id: 'A-2' })).status).toBe(201);
    const s = (await emu.get(`subprofile/${id}`)).json;
    expect(Object.keys(s)).toEqual(['ID', 'secret', 'fields', 'profile', 'collection', 'created', 'modified', 'removed']);
    expect(s).toMatchObject({ ID: id, fields: { order_id: 'A-1', amount: '59.95' }, profile: p1, collection: coll, removed: false });
    expect((await emu.get(`subprofile/${id}/fields`)).json).toEqual({ order_id: 'A-1', amount: '59.95' });
  });

  it('refuses unknown collections with "Subprofile could not be created"', async () => {
    const { emu, p1 } = await setup();
    for (const c of ['0', '-1', 'nope', '999999']) {
      expect((await emu.post(`profile/${p1}/subprofiles/${c}`, {})).json.error.message).toBe('Subprofile could not be created');
    }
    const other = (await emu.post('databases', { name: 'Other' })).headers.get('x-created');
    const foreign = (await emu.post(`database/${other}/collections`, { name: 'x' })).headers.get('x-created');
    expect((await emu.post(`profile/${p1}/subprofiles/${foreign}`, {})).json.error.message).toBe('Subprofile could not be created');
  });

  it('lists per profile and per collection with filters, ordering and dataonly', async () => {
    const { emu, coll, p1, p2 } = await setup();
    for (const [p, amount] of [
      [p1, 10],
      [p1, 30],
      [p2, 20],
    ] as const)
      await emu.post(`profile/${p}/subprofiles/${coll}`, { amount });
    expect((await emu.get(`profile/${p1}/subprofiles/${coll}`)).json).toMatchObject({ count: 2, total: 2 });
    const all = await emu.get(`collection/${coll}/subprofiles`, { 'fields[]': 'amount>=20', orderby: 'amount', order: 'desc' });
    expect(all.json.data.map((s: { fields: { amount: string } }) => s.fields.amount)).toEqual(['30', '20']);
    const dataonly = await emu.get(`collection/${coll}/subprofiles`, { dataonly: '1' });
    expect(Object.keys(dataonly.json.data[0])).toEqual(['ID', 'fields', 'profile', 'collection', 'modified']);
    const ids = (await emu.get(`collection/${coll}/subprofileids`)).json;
    expect(ids).toHaveLength(3);
    expect(typeof ids[0]).toBe('number');
  });

  it('bulk-updates per profile (with create) and per collection (flat or wrapped body)', async () => {
    const { emu, coll, p1, p2 } = await setup();
    await emu.post(`profile/${p1}/subprofiles/${coll}`, { order_id: 'A', amount: 1 });
    await emu.post(`profile/${p2}/subprofiles/${coll}`, { order_id: 'A', amount: 1 });
    expect((await emu.put(`profile/${p1}/subprofiles/${coll}`, { amount: 5 })).json.error.message).toBe('URL parameter fields is required');
    expect((await emu.put(`profile/${p1}/subprofiles/${coll}`, { amount: 5 }, { 'fields[]': 'bogus==1' })).status).toBe(400);
    expect((await emu.put(`profile/${p1}/subprofiles/${coll}`, { amount: 5 }, { 'fields[]': 'order_id==A' })).status).toBe(204);
    const made = await emu.put(`profile/${p1}/subprofiles/${coll}`, { order_id: 'B' }, { 'fields[]': 'order_id==B', create: 'yes' });
    expect(made.status).toBe(201);
    expect(made.headers.get('x-created')).toMatch(/^\d+$/);
    const amounts = async () =>
      (await emu.get(`collection/${coll}/subprofiles`, { orderby: 'id' })).json.data.map(
        (s: { fields: { amount: string } }) => s.fields.amount,
      );
    expect(await amounts()).toEqual(['5', '1', '0']);
    expect((await emu.put(`collection/${coll}/subprofiles`, { fields: { amount: 7 } }, { 'fields[]': 'order_id==A' })).status).toBe(204);
    expect(await amounts()).toEqual(['7', '7', '0']);
    await emu.put(`collection/${coll}/subprofiles`, { amount: 8 }, { 'fields[]': 'order_id==B' });
    expect(await amounts()).toEqual(['7', '7', '8']);
  });

  it('updates, soft- and hard-deletes single subprofiles', async () => {
    const { emu, coll, p1 } = await setup();
    const id = (await emu.post(`profile/${p1}/subprofiles/${coll}`, { amount: 1 })).headers.get('x-created');
    expect((await emu.put(`subprofile/${id}`, { fields: { amount: 2 }, secret: 's3cret' })).status).toBe(204);
    expect((await emu.put(`subprofile/${id}/fields`, { order_id: 'Z' })).status).toBe(204);
    expect((await emu.get(`subprofile/${id}`)).json).toMatchObject({ secret: 's3cret', fields: { amount: '2', order_id: 'Z' } });
    const d = await emu.del(`subprofile/${id}`);
    expect(d.status).toBe(204);
    expect(d.headers.get('x-deleted')).toBe(`subprofile ${id}`);
    expect((await emu.get(`subprofile/${id}`)).json.fields).toEqual({ order_id: '', amount: '' });
    expect((await emu.del(`subprofile/${id}`)).json.error.message).toBe('This subprofile has already been removed');
    expect((await emu.del(`subprofile/${id}/extra`)).json.error.message).toBe('This subprofile has already been removed');
    const id2 = (await emu.post(`profile/${p1}/subprofiles/${coll}`, {})).headers.get('x-created');
    await emu.del(`subprofile/${id2}`, { completely: 'Yes' });
    expect((await emu.get(`subprofile/${id2}`)).json.error.message).toBe('No subprofile with supplied ID');
    expect((await emu.get('subprofile/abc')).json.error.message).toBe('No subprofile with supplied ID');
  });
});
