// CRUD conformance of miniviews, minirules and miniconditions (docs/api/selections.md §3.3, M1–M19) and the member
// listings of views and miniviews (V8, V9, M15, M16).
import { describe, expect, test } from 'vitest';
import { createFixture, type Data } from '../testing/selections/fixture.ts';

const DATA = [
  ['ann', ['toaster', 'kettle']],
  ['bob', ['Toaster']],
  ['carl', []],
].map(([name, orders]) => ({
  profile: { values: [name, 'Delft', 1, 0, '', `${name}@example.org`, '', ''], age: 30, editedAfter: undefined, removed: false },
  interests: [],
  orders: (orders as string[]).map((product) => ({ values: [product, 10, '2026-03-01'], age: 20, editedAfter: undefined, removed: false })),
})) as Data;

async function setup() {
  const f = createFixture(DATA);
  const res = await f.emu.post(`collection/${f.collectionId}/miniviews`, { name: 'Toasters', description: 'orders of toasters' });
  expect(res.status).toBe(201);
  return { ...f, mini: res.headers.get('x-created') as string };
}

describe('miniviews', () => {
  test('M1–M4: create, list, read (documented shape), update', async () => {
    const { emu, collectionId, mini } = await setup();
    const one = await emu.get(`miniview/${mini}`);
    expect(one.json).toEqual({
      ID: mini,
      name: 'Toasters',
      description: 'orders of toasters',
      'parent-type': 'collection',
      'parent-id': String(collectionId),
      collection: String(collectionId),
      'last-built': '2026-03-15 11:20:30',
      intentions: { email: null, sms: null, fax: null, pdf: null },
    });
    expect((await emu.get(`collection/${collectionId}/miniviews`)).json).toEqual({
      start: 0,
      limit: 100,
      count: 1,
      data: [one.json],
      total: 1,
    });
    expect((await emu.put(`miniview/${mini}`, { name: 'Toaster orders' })).status).toBe(204);
    expect((await emu.get(`miniview/${mini}`)).json.name).toBe('Toaster orders');
    expect((await emu.post(`collection/${collectionId}/miniviews`, { name: 'toaster ORDERS' })).json).toEqual({
      error: { message: 'Invalid data provided' },
    });
    expect((await emu.get('collection/999999/miniviews')).json).toEqual({ error: { message: 'No collection with given ID' } });
  });

  test('minirules on both path spellings, miniconditions, GET minicondition is Invalid method', async () => {
    const { emu, mini } = await setup();
    const a = await emu.post(`miniview/${mini}/rules`, { name: 'a', inverted: true });
    const b = await emu.post(`miniview/${mini}/minirules`, { name: 'b' });
    expect([a.status, b.status]).toEqual([201, 201]);
    const ruleId = a.headers.get('x-created');
    expect((await emu.get(`miniview/${mini}/minirules`)).json.total).toBe(2);
    expect((await emu.get(`miniview/${mini}/minirule/${ruleId}`)).json).toMatchObject({ ID: ruleId, view: mini, inversed: true });
    expect((await emu.get(`miniview/${mini}/rule/${ruleId}`)).json.ID).toBe(ruleId);
    const cond = await emu.post(`minirule/${ruleId}/conditions`, { type: 'field', field: 'product', value: 'toaster' });
    expect(cond.status).toBe(201);
    const id = cond.headers.get('x-created');
    expect((await emu.get(`minirule/${ruleId}`)).json.conditions.data[0]).toMatchObject({
      ID: id,
      type: 'Field',
      rule: ruleId,
      field: { name: 'product' },
    });
    expect((await emu.get(`minicondition/field/${id}`)).json).toEqual({ error: { message: 'Invalid method' } });
    expect((await emu.put(`minicondition/field/${id}`, { comparison: 'contains', value: 'TOAST' })).status).toBe(204);
    expect((await emu.post(`minirule/${ruleId}/conditions`, { type: 'Interest', interest: 'golf' })).json).toEqual({
      error: { message: 'Invalid value for property type' },
    });
    expect((await emu.post(`minirule/${ruleId}/conditions`, { type: 'Field', field: 'city' })).json).toEqual({
      error: { message: 'No field with supplied ID' },
    });
    const del = await emu.del(`minicondition/field/${id}`);
    expect([del.status, del.headers.get('x-deleted')]).toEqual([204, `minicondition ${id}`]);
    expect((await emu.put(`minirule/${ruleId}`, { inversed: false })).status).toBe(204);
    expect((await emu.del(`minirule/${ruleId}`)).status).toBe(204);
    expect((await emu.get(`miniview/${mini}/rules`)).json.total).toBe(1);
  });

  test('M15/M16: subprofiles (both spellings) and subprofileids; fields[] filter and total apply', async () => {
    const { emu, mini } = await setup();
    const rule = (await emu.post(`miniview/${mini}/rules`, { name: 'r' })).headers.get('x-created');
    await emu.post(`minirule/${rule}/conditions`, { type: 'Field', field: 'product', value: 'toaster' });
    const ids = (await emu.get(`miniview/${mini}/subprofileids`)).json;
    expect(ids).toHaveLength(2);
    const list = await emu.get(`miniview/${mini}/subprofiles`);
    expect(list.json).toMatchObject({ start: 0, limit: 100, count: 2, total: 2 });
    expect(list.json.data[0]).toMatchObject({ ID: String(ids[0]), fields: { product: 'toaster' }, removed: false });
    expect(Object.keys(list.json.data[0])).toEqual(['ID', 'secret', 'fields', 'profile', 'collection', 'created', 'modified', 'removed']);
    const filtered = await emu.get(`miniview/${mini}/subprofile`, { 'fields[]': 'product==Toaster', dataonly: 'true' });
    expect(filtered.json.total).toBe(2); // text compares case-insensitively
    expect(Object.keys(filtered.json.data[0])).toEqual(['ID', 'fields', 'profile', 'collection', 'modified']);
  });

  test('V8/V9: view profiles with fields[], orderby, paging; profileids is a bare array of numbers', async () => {
    const { emu, databaseId, mini } = await setup();
    const rule = (await emu.post(`miniview/${mini}/rules`, { name: 'r' })).headers.get('x-created');
    await emu.post(`minirule/${rule}/conditions`, { type: 'Field', field: 'product', value: 'toaster' });
    const view = (await emu.post(`database/${databaseId}/views`, { name: 'Bought a toaster' })).headers.get('x-created');
    const vr = (await emu.post(`view/${view}/rules`, { name: 'r' })).headers.get('x-created');
    await emu.post(`rule/${vr}/conditions`, { type: 'MiniView', 'mini-view': mini });
    const ids = (await emu.get(`view/${view}/profileids`)).json;
    expect(ids).toEqual([expect.any(Number), expect.any(Number)]);
    const page = await emu.get(`view/${view}/profiles`, { limit: '1', orderby: 'name', order: 'desc' });
    expect(page.json).toMatchObject({
      start: 0,
      limit: 1,
      count: 1,
      total: 2,
      data: [{ fields: { name: 'bob' }, interests: [], database: String(databaseId) }],
    });
    expect((await emu.get(`view/${view}/profiles`, { 'fields[]': 'name==ANN' })).json.total).toBe(1);
    expect((await emu.get(`view/${view}/profileids`, { start: '1', limit: '5' })).json).toEqual([ids[1]]);
    // ID order (cut from the member IDs): paging, descending order, total, and an empty page past the end.
    const second = await emu.get(`view/${view}/profiles`, { start: '1', limit: '1' });
    expect(second.json).toMatchObject({ start: 1, limit: 1, count: 1, total: 2, data: [{ ID: String(ids[1]) }] });
    expect((await emu.get(`view/${view}/profiles`, { order: 'desc' })).json.data.map((p: { ID: string }) => p.ID)).toEqual([
      String(ids[1]),
      String(ids[0]),
    ]);
    expect((await emu.get(`view/${view}/profiles`, { start: '5', total: 'false' })).json).toEqual({
      start: 5,
      limit: 100,
      count: 0,
      data: [],
    });
    expect((await emu.get(`miniview/${mini}/views`)).json.data.map((v: { ID: string }) => v.ID)).toEqual([view]);
  });

  test('MiniView conditions inside a miniview, and miniview cycles are refused', async () => {
    const { emu, collectionId, mini } = await setup();
    const other = (await emu.post(`collection/${collectionId}/miniviews`, { name: 'Others' })).headers.get('x-created');
    const r1 = (await emu.post(`miniview/${other}/rules`, { name: 'r' })).headers.get('x-created');
    expect(
      (await emu.post(`minirule/${r1}/conditions`, { type: 'MiniView', 'mini-view': mini, 'min-subprofiles': '0', 'max-subprofiles': '0' }))
        .status,
    ).toBe(201);
    const r2 = (await emu.post(`miniview/${mini}/rules`, { name: 'r' })).headers.get('x-created');
    await emu.post(`minirule/${r2}/conditions`, { type: 'Field', field: 'product', value: 'kettle' });
    expect((await emu.get(`miniview/${other}/subprofileids`)).json).toHaveLength(2);
    const cycle = await emu.post(`minirule/${r2}/conditions`, { type: 'MiniView', 'mini-view': other });
    expect(cycle.json).toEqual({
      error: { message: 'A MiniView condition cannot refer to its own selection or to one that depends on it' },
    });
  });
});
