// POST database/$id/copy with views and miniviews: the selections come along, their references point into
// the copy, and they select the same number of (copied) profiles.
import { expect, test } from 'vitest';
import { createFixture, type Data } from '../testing/selections/fixture.ts';

const DATA = ['ann', 'bob', 'carl', 'dirk'].map((name, i) => ({
  profile: { values: [name, i % 2 ? 'Delft' : 'Ede', i, 0, '', '', '', ''], age: 30, editedAfter: undefined, removed: false },
  interests: i < 2 ? [0] : [],
  orders: Array.from({ length: i }, () => ({ values: ['toaster', 10, '2026-03-01'], age: 20, editedAfter: undefined, removed: false })),
})) as Data;

test('database copy with views and miniviews maps every reference to the copy', async () => {
  const { emu, databaseId, collectionId } = createFixture(DATA);
  const mini = (await emu.post(`collection/${collectionId}/miniviews`, { name: 'Toasters' })).headers.get('x-created');
  const mr = (await emu.post(`miniview/${mini}/rules`, { name: 'r' })).headers.get('x-created');
  await emu.post(`minirule/${mr}/conditions`, { type: 'Field', field: 'product', value: 'toaster' });
  const parent = (await emu.post(`database/${databaseId}/views`, { name: 'Delft' })).headers.get('x-created');
  const pr = (await emu.post(`view/${parent}/rules`, { name: 'r' })).headers.get('x-created');
  await emu.post(`rule/${pr}/conditions`, { type: 'Field', field: 'city', value: 'Delft' });
  const child = (await emu.post(`view/${parent}/views`, { name: 'Golfers' })).headers.get('x-created');
  const cr = (await emu.post(`view/${child}/rules`, { name: 'r' })).headers.get('x-created');
  await emu.post(`rule/${cr}/conditions`, { type: 'Interest', interest: 'golf' });
  const buyers = (await emu.post(`database/${databaseId}/views`, { name: 'Buyers' })).headers.get('x-created');
  const br = (await emu.post(`view/${buyers}/rules`, { name: 'r' })).headers.get('x-created');
  await emu.post(`rule/${br}/conditions`, { type: 'MiniView', 'mini-view': mini, 'min-subprofiles': '2' });
  await emu.post(`rule/${br}/conditions`, { type: 'ReferView', 'refer-view': parent, 'check-type': 'no' });

  const res = await emu.post(`database/${databaseId}/copy`, {
    name: 'Prop_copy',
    options: { views: true, collections: true, miniviews: true, profiles: true, subprofiles: true },
  });
  expect(res.status, res.text).toBe(201);
  const copyId = res.headers.get('x-created');
  const copy = (await emu.get(`database/${copyId}`)).json;
  const views = (await emu.get(`database/${copyId}/views`)).json.data as { ID: string; name: string }[];
  expect(views.map((v) => v.name)).toEqual(['Delft', 'Buyers']);
  const [delft, copiedBuyers] = views;
  const nested = (await emu.get(`view/${delft?.ID}/views`)).json.data;
  expect(nested.map((v: { name: string }) => v.name)).toEqual(['Golfers']);
  const condition = (await emu.get(`view/${delft?.ID}/rules`)).json.data[0].conditions.data[0];
  expect(condition.field.ID).toBe(copy.fields.data.find((f: { name: string }) => f.name === 'city').ID);
  const buyerConditions = (await emu.get(`view/${copiedBuyers?.ID}/rules`)).json.data[0].conditions.data;
  const copiedCollection = copy.collections.data[0].ID;
  expect(buyerConditions[0]['mini-view']).toMatchObject({ name: 'Toasters', collection: copiedCollection });
  expect(buyerConditions[1]['refer-view'].ID).toBe(delft?.ID);
  // Same selections over copied profiles: same sizes.
  for (const [original, copied] of [
    [parent, delft?.ID],
    [child, nested[0].ID],
    [buyers, copiedBuyers?.ID],
  ]) {
    const a = (await emu.get(`view/${original}/profileids`)).json as number[];
    const b = (await emu.get(`view/${copied}/profileids`)).json as number[];
    expect(b).toHaveLength(a.length);
  }
  expect((await emu.get(`view/${buyers}/profileids`)).json).toHaveLength(1); // carl: 2 toasters, not in Delft
});
