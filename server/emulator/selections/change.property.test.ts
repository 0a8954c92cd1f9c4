// Property: the Change condition (the core's change log of fields and interests, plus the record timestamps)
// agrees with the reference evaluator, for views and miniviews, one or two Change conditions per rule.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { orderChangeCondition, profileChangeCondition } from '../testing/selections/arbitraries.ts';
import { createFixture, dataArb } from '../testing/selections/fixture.ts';
import { Reference } from '../testing/selections/reference.ts';
import type { RefCondition } from '../testing/selections/world.ts';

const conditions = (c: fc.Arbitrary<RefCondition>) => fc.array(c, { minLength: 1, maxLength: 2 });

test('Change conditions agree with the reference evaluator', async () => {
  await fc.assert(
    fc.asyncProperty(
      dataArb,
      conditions(profileChangeCondition),
      conditions(orderChangeCondition),
      fc.boolean(),
      async (data, onProfiles, onOrders, inversed) => {
        const { emu, world, databaseId, collectionId } = createFixture(data);
        const make = async (path: string, level: 'view' | 'mini', list: RefCondition[]) => {
          const id = Number((await emu.post(path, { name: 'changes' })).headers.get('x-created'));
          const rule = (
            await emu.post(`${level === 'view' ? 'view' : 'miniview'}/${id}/rules`, { name: 'r', inverted: inversed })
          ).headers.get('x-created');
          for (const c of list) {
            const res = await emu.post(`${level === 'view' ? 'rule' : 'minirule'}/${rule}/conditions`, { type: 'change', ...c.body });
            expect(res.status, res.text).toBe(201);
          }
          (level === 'view' ? world.views : world.miniviews).set(id, { rules: [{ inversed, disabled: false, conditions: list }] });
          return id;
        };
        const view = await make(`database/${databaseId}/views`, 'view', onProfiles);
        const mini = await make(`collection/${collectionId}/miniviews`, 'mini', onOrders);
        const ref = new Reference(world);
        expect((await emu.get(`view/${view}/profileids`)).json, JSON.stringify(onProfiles)).toEqual(ref.members('view', view));
        expect((await emu.get(`miniview/${mini}/subprofileids`)).json, JSON.stringify(onOrders)).toEqual(ref.members('mini', mini));
        emu.db.close();
      },
    ),
    { numRuns: 200 },
  );
}, 180_000);
