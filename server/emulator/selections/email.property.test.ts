// Property: the Email condition (Publisher results from the emailings tables) agrees with the reference
// evaluator, for views (profile, subprofile or either as destination) and for miniviews.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { emailCondition } from '../testing/selections/arbitraries.ts';
import { createFixture, dataArb } from '../testing/selections/fixture.ts';
import { destinationsArb, writeMailings } from '../testing/selections/mailings.ts';
import { Reference } from '../testing/selections/reference.ts';
import type { RefCondition } from '../testing/selections/world.ts';

test('Email conditions agree with the reference evaluator', async () => {
  await fc.assert(
    fc.asyncProperty(dataArb, destinationsArb, emailCondition, emailCondition, async (data, mailings, onProfiles, onOrders) => {
      const { emu, world, databaseId, collectionId } = createFixture(data);
      world.mailings = writeMailings(emu.db, world, mailings);
      const make = async (path: string, level: 'view' | 'mini', condition: RefCondition) => {
        const id = Number((await emu.post(path, { name: 'email results' })).headers.get('x-created'));
        const rule = (await emu.post(`${level === 'view' ? 'view' : 'miniview'}/${id}/rules`, { name: 'r' })).headers.get('x-created');
        const res = await emu.post(`${level === 'view' ? 'rule' : 'minirule'}/${rule}/conditions`, { type: 'email', ...condition.body });
        expect(res.status, res.text).toBe(201);
        (level === 'view' ? world.views : world.miniviews).set(id, {
          rules: [{ inversed: false, disabled: false, conditions: [condition] }],
        });
        return id;
      };
      const view = await make(`database/${databaseId}/views`, 'view', onProfiles);
      const mini = await make(`collection/${collectionId}/miniviews`, 'mini', onOrders);
      const ref = new Reference(world);
      expect((await emu.get(`view/${view}/profileids`)).json, JSON.stringify(onProfiles.body)).toEqual(ref.members('view', view));
      expect((await emu.get(`miniview/${mini}/subprofileids`)).json, JSON.stringify(onOrders.body)).toEqual(ref.members('mini', mini));
      emu.db.close();
    }),
    { numRuns: 200 },
  );
}, 180_000); // a few hundred fresh databases: slow on a busy machine
