// Conformance of the Change condition through the API (docs/api/selections.md §4.4, §6.2–6.3): every core write path
// records real field and interest changes (docs/api/conventions.md §12: exactly when `modified` is bumped), and views
// see them in the condition's time window.
import { describe, expect, test } from 'vitest';
import { createFixture, NOW } from '../testing/selections/fixture.ts';

const HOUR = 36e5;
const LAST_DAY = { 'after-mutation': '["minus","1","day","second"]' };

async function setup() {
  let now = NOW;
  const f = createFixture([], () => now);
  const { emu, databaseId } = f;
  const advance = (hours: number) => {
    now = new Date(now.getTime() + hours * HOUR);
  };
  const profile = async (body: Record<string, unknown> = {}) => {
    const res = await emu.post(`database/${databaseId}/profiles`, body);
    expect(res.status, res.text).toBe(201);
    return Number(res.headers.get('x-created'));
  };
  const view = async (...conditions: Record<string, unknown>[]) => {
    const id = (await emu.post(`database/${databaseId}/views`, { name: `v${Math.random()}` })).headers.get('x-created');
    const rule = (await emu.post(`view/${id}/rules`, { name: 'r' })).headers.get('x-created');
    for (const c of conditions) {
      const res = await emu.post(`rule/${rule}/conditions`, { type: 'Change', ...c });
      expect(res.status, res.text).toBe(201);
    }
    return async () => (await emu.get(`view/${id}/profileids`)).json as number[];
  };
  const log = (table: string) => emu.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
  const fieldId = (name: string) =>
    (emu.db.prepare('SELECT id FROM fields WHERE database_id = ? AND name = ?').get(databaseId, name) as { id: number }).id;
  return { ...f, advance, profile, view, log, fieldId };
}

describe('Change condition from the change log', () => {
  test('PUT profile/$id with a new value enters a "field changed" view; identical or equivalent values do not', async () => {
    const { emu, profile, view, log, advance } = await setup();
    const a = await profile({ fields: { city: 'Delft', score: 10 } });
    const b = await profile({ fields: { city: 'Delft', score: 10 } });
    const cityChanged = await view({ 'change-type': 'field', field: 'city', ...LAST_DAY });
    const cityUnchanged = await view({ 'change-type': 'nofield', field: 'city', ...LAST_DAY });
    // Creating a profile is the `new` event, not a field change.
    expect(await cityChanged()).toEqual([]);
    expect(log('profile_field_changes')).toEqual([]);

    advance(1);
    expect((await emu.put(`profile/${a}`, { fields: { city: 'Gouda' } })).status).toBe(204);
    // Same value, and an integer that normalises to the stored one (docs/api/conventions.md §12): no change, no bump.
    const before = (await emu.get(`profile/${b}`)).json.modified;
    expect((await emu.put(`profile/${b}`, { fields: { city: 'Delft', score: '10.9' } })).status).toBe(204);
    expect((await emu.get(`profile/${b}`)).json.modified).toBe(before);
    expect(await cityChanged()).toEqual([a]);
    expect(await cityUnchanged()).toEqual([b]);
    expect(log('profile_field_changes')).toEqual([{ profile_id: a, field_id: expect.any(Number), ts: '2026-03-15 12:20:30' }]);

    // Another field does not count for `city`; the window moves with the clock.
    expect((await emu.put(`profile/${b}/fields`, { score: 11 })).status).toBe(204);
    expect(await cityChanged()).toEqual([a]);
    expect(await (await view({ 'change-type': 'field', ...LAST_DAY }))()).toEqual([a, b]);
    advance(25);
    expect(await cityChanged()).toEqual([]);
    expect(await cityUnchanged()).toEqual([a, b]);
  });

  test('interest POST (merge) / PUT (replace) and PUT profile interests log gains and losses', async () => {
    const { emu, databaseId, profile, view, log, advance } = await setup();
    const a = await profile({ interests: ['golf'] });
    const b = await profile();
    const gotGolf = await view({ 'change-type': 'gotinterest', interest: 'golf', ...LAST_DAY });
    const lostGolf = await view({ 'change-type': 'lostinterest', interest: 'golf', ...LAST_DAY });
    const anyInterest = await view({ 'change-type': 'interest', ...LAST_DAY });
    expect(await gotGolf()).toEqual([]); // interests given at creation are part of the `new` event
    advance(1);
    expect((await emu.post(`profile/${b}/interests`, ['golf'])).status).toBe(204);
    expect((await emu.post(`profile/${a}/interests`, ['golf'])).status).toBe(204); // already held: no change
    expect(await gotGolf()).toEqual([b]);
    expect(await lostGolf()).toEqual([]);
    expect((await emu.put(`profile/${a}/interests`, ['tennis'])).status).toBe(204); // golf off, tennis on
    expect(await lostGolf()).toEqual([a]);
    expect(await anyInterest()).toEqual([a, b]);
    expect((await emu.put(`profile/${b}`, { interests: { golf: 0 } })).status).toBe(204);
    expect(await lostGolf()).toEqual([a, b]);
    expect(log('profile_interest_changes').map((r) => [r.profile_id, r.gained])).toEqual([
      [b, 1],
      [a, 1],
      [a, 0],
      [b, 0],
    ]);
    // Deleting an interest forgets its history.
    const golf = emu.db.prepare("SELECT id FROM interests WHERE database_id = ? AND name = 'golf'").get(databaseId) as { id: number };
    expect((await emu.del(`interest/${golf.id}`)).status).toBe(204);
    expect(log('profile_interest_changes').map((r) => r.profile_id)).toEqual([a]);
  });

  test('bulk PUT database/$id/profiles logs its updates; its create is a `new` event', async () => {
    const { emu, databaseId, profile, view, log, advance } = await setup();
    const a = await profile({ fields: { name: 'ann', tier: 'gold' } });
    const b = await profile({ fields: { name: 'bob', tier: 'gold' } });
    advance(1);
    const tierChanged = await view({ 'change-type': 'field', field: 'tier', ...LAST_DAY });
    const res = await emu.put(`database/${databaseId}/profiles`, { fields: { tier: 'silver' } }, { 'fields[]': 'name==ann' });
    expect(res.status).toBe(204);
    expect(await tierChanged()).toEqual([a]);
    const created = await emu.put(
      `database/${databaseId}/profiles`,
      { fields: { name: 'carl', tier: 'silver' } },
      {
        'fields[]': 'name==carl',
        create: 'true',
      },
    );
    expect(created.status).toBe(201);
    const c = Number(created.headers.get('x-created'));
    expect(await tierChanged()).toEqual([a]);
    expect(await (await view({ 'change-type': 'new', 'after-mutation': '["minus","30","minute","second"]' }))()).toEqual([c]);
    expect(log('profile_field_changes').map((r) => r.profile_id)).toEqual([a]);
    expect(b).toBeGreaterThan(a);
  });

  test('`edit` keeps an edit in the window even after a later edit moved `modified` out of it', async () => {
    const { emu, profile, view, advance } = await setup();
    const a = await profile({ fields: { city: 'Delft' } });
    advance(2);
    await emu.put(`profile/${a}`, { fields: { city: 'Ede' } }); // 13:20:30
    advance(3);
    await emu.put(`profile/${a}`, { fields: { name: 'x' } }); // 16:20:30
    const window = { 'after-time': '2026-03-15 13:00:00', 'before-time': '2026-03-15 14:00:00' };
    expect(await (await view({ 'change-type': 'edit', ...window }))()).toEqual([a]);
    expect(await (await view({ 'change-type': 'field', field: 'city', ...window }))()).toEqual([a]);
    expect(await (await view({ 'change-type': 'field', field: 'name', ...window }))()).toEqual([]);
    expect(await (await view({ 'change-type': 'any', ...window }))()).toEqual([a]);
    expect(await (await view({ 'change-type': 'none', ...window }))()).toEqual([]);
  });

  test('unsubscribe behaviour "update" logs the fields it sets', async () => {
    const { emu, databaseId, profile, view, advance } = await setup();
    const a = await profile({ fields: { tier: 'gold' } });
    expect((await emu.put(`database/${databaseId}/unsubscribe`, { behavior: 'update', fields: { tier: 'silver' } })).status).toBe(204);
    advance(1);
    expect((await emu.post(`profile/${a}/unsubscribe`)).status).toBe(204);
    expect(await (await view({ 'change-type': 'field', field: 'tier', ...LAST_DAY }))()).toEqual([a]);
  });

  test('subprofile field changes: miniview `field`, view `editsubprofile`; hard deletes and field deletes forget', async () => {
    const { emu, collectionId, profile, view, log, advance } = await setup();
    const a = await profile();
    const sub = await emu.post(`profile/${a}/subprofiles/${collectionId}`, { product: 'toaster', price: 5 });
    expect(sub.status, sub.text).toBe(201);
    const s = Number(sub.headers.get('x-created'));
    const mini = (await emu.post(`collection/${collectionId}/miniviews`, { name: 'changed products' })).headers.get('x-created');
    const rule = (await emu.post(`miniview/${mini}/rules`, { name: 'r' })).headers.get('x-created');
    const cond = await emu.post(`minirule/${rule}/conditions`, { type: 'Change', 'change-type': 'field', field: 'product', ...LAST_DAY });
    expect(cond.status, cond.text).toBe(201);
    const members = async () => (await emu.get(`miniview/${mini}/subprofileids`)).json as number[];
    const subEdited = await view({ 'change-type': 'editsubprofile', ...LAST_DAY });
    expect(await members()).toEqual([]);
    advance(1);
    expect((await emu.put(`subprofile/${s}`, { fields: { price: 6 } })).status).toBe(204);
    expect(await members()).toEqual([]);
    expect(await subEdited()).toEqual([a]);
    expect((await emu.put(`subprofile/${s}`, { fields: { product: 'kettle' } })).status).toBe(204);
    expect(await members()).toEqual([s]);
    expect(log('subprofile_field_changes')).toHaveLength(2);

    const price = emu.db.prepare("SELECT id FROM fields WHERE collection_id = ? AND name = 'price'").get(collectionId) as { id: number };
    expect((await emu.del(`collection/${collectionId}/field/${price.id}`)).status).toBe(204);
    expect(log('subprofile_field_changes')).toHaveLength(1);
    expect((await emu.del(`profile/${a}`, { completely: true })).status).toBe(204);
    expect(log('subprofile_field_changes')).toEqual([]);
  });

  test('deleting a field forgets its history; a hard-deleted profile leaves none', async () => {
    const { emu, databaseId, profile, log, advance, fieldId } = await setup();
    const a = await profile();
    const b = await profile();
    advance(1);
    await emu.put(`profile/${a}`, { fields: { city: 'Ede', name: 'x' }, interests: ['chess'] });
    await emu.put(`profile/${b}`, { fields: { city: 'Ede' } });
    const city = fieldId('city');
    expect((await emu.del(`database/${databaseId}/field/${city}`)).status).toBe(204);
    expect(log('profile_field_changes').map((r) => r.profile_id)).toEqual([a]);
    expect((await emu.del(`profile/${a}`, { completely: true })).status).toBe(204);
    expect(log('profile_field_changes')).toEqual([]);
    expect(log('profile_interest_changes')).toEqual([]);
  });
});
