// The documented examples give the documented results (docs/api/selections.md §5, the pages cited per test).
import { describe, expect, test } from 'vitest';
import { createFixture, type Data } from '../testing/selections/fixture.ts';

type Profile = { name?: string; score?: number; birthdate?: string; interests?: number[]; orders?: string[]; removed?: boolean };

/** Build Data for createFixture from a few readable profiles (values in PROFILE_FIELDS order). */
function data(profiles: Profile[]): Data {
  return profiles.map((p) => ({
    profile: {
      values: [p.name ?? '', 'Delft', p.score ?? 0, 0, '', '', p.birthdate ?? '', ''],
      age: 30,
      editedAfter: undefined,
      removed: p.removed ?? false,
    },
    interests: p.interests ?? [],
    orders: (p.orders ?? []).map((product) => ({ values: [product, 10, '2026-03-01'], age: 20, editedAfter: undefined, removed: false })),
  })) as Data;
}

async function view(
  emu: ReturnType<typeof createFixture>['emu'],
  path: string,
  rules: { inversed?: boolean; disabled?: boolean; conditions: Record<string, unknown>[] }[],
) {
  const id = (await emu.post(path, { name: `v${Math.random().toString(36).slice(2, 8)}` })).headers.get('x-created');
  const mini = path.includes('miniviews');
  for (const [k, r] of rules.entries()) {
    const rule = (
      await emu.post(`${mini ? 'miniview' : 'view'}/${id}/rules`, {
        name: `r${k}`,
        inversed: r.inversed ?? false,
        disabled: r.disabled ?? false,
      })
    ).headers.get('x-created');
    for (const c of r.conditions) expect((await emu.post(`${mini ? 'minirule' : 'rule'}/${rule}/conditions`, c)).status).toBe(201);
  }
  return id as string;
}

async function names(emu: ReturnType<typeof createFixture>['emu'], id: string): Promise<string[]> {
  const res = await emu.get(`view/${id}/profiles`, { orderby: 'id' });
  return res.json.data.map((p: { fields: { name: string } }) => p.fields.name);
}

// selections-conditions-partcondition.md: the quiz database.
const QUIZ = data(
  [
    ['Chris', 90],
    ['Mike', 100],
    ['Jessica', 80],
    ['Emily', 20],
    ['Ashley', 65],
    ['Sam', 100],
    ['Josh', 75],
    ['Matt', 70],
  ].map(([name, score]) => ({ name: name as string, score: score as number })),
);

describe('documented examples', () => {
  test('Part: the winner (Mike), numbers 2 and 3 (Sam, Chris) and the lowest score (Emily)', async () => {
    const { emu, databaseId } = createFixture(QUIZ);
    const part = async (begin: string, length: string) =>
      names(emu, await view(emu, `database/${databaseId}/views`, [{ conditions: [{ type: 'Part', fields: ['score'], begin, length }] }]));
    expect(await part('-0', '1')).toEqual(['Mike']);
    expect(await part('-1', '2')).toEqual(['Chris', 'Sam']); // listed in ID order
    expect(await part('0', '1')).toEqual(['Emily']);
    expect(await part('0', '25%')).toEqual(['Emily', 'Ashley']);
    expect(await part('6', '-7')).toEqual(['Mike']); // total minus 7 = 1 profile, from position 6
  });

  test('OR NOT: "has interest biking" OR NOT "has interest car" keeps people with both and with neither (selections-conditions.md)', async () => {
    const [biking, car] = [0, 1];
    const { emu, databaseId } = createFixture(
      data([
        { name: 'both', interests: [biking, car] },
        { name: 'biking', interests: [biking] },
        { name: 'car', interests: [car] },
        { name: 'neither' },
      ]),
    );
    const id = await view(emu, `database/${databaseId}/views`, [
      { conditions: [{ type: 'Interest', interest: 'golf' }] },
      { inversed: true, conditions: [{ type: 'Interest', interest: 'tennis' }] },
    ]);
    expect(await names(emu, id)).toEqual(['both', 'biking', 'neither']);
  });

  test('conditions in a rule are ANDed; rules are ORed; disabled and empty rules are ignored; no active rule = every profile', async () => {
    const { emu, databaseId } = createFixture(
      data([
        { name: 'ann', score: 10 },
        { name: 'ann', score: 50 },
        { name: 'bob', score: 50 },
        { name: 'gone', removed: true },
      ]),
    );
    const and = await view(emu, `database/${databaseId}/views`, [
      {
        conditions: [
          { type: 'Field', field: 'name', value: 'ANN' },
          { type: 'Field', field: 'score', comparison: 'more', value: '20' },
        ],
      },
    ]);
    expect(await names(emu, and)).toEqual(['ann']);
    expect((await emu.get(`view/${and}/profiles`)).json.data[0].fields.score).toBe('50');
    const or = await view(emu, `database/${databaseId}/views`, [
      { conditions: [{ type: 'Field', field: 'score', value: '10' }] },
      { conditions: [{ type: 'Field', field: 'name', value: 'bob' }] },
    ]);
    expect(await names(emu, or)).toEqual(['ann', 'bob']);
    const inactive = await view(emu, `database/${databaseId}/views`, [
      { disabled: true, conditions: [{ type: 'Field', field: 'name', value: 'bob' }] },
      { conditions: [] },
    ]);
    expect(await names(emu, inactive)).toEqual(['ann', 'ann', 'bob']);
    const none = await view(emu, `database/${databaseId}/views`, []);
    expect((await emu.get(`view/${none}/profileids`)).json).toHaveLength(3);
  });

  test('a nested view only filters its parent (selections-introduction.md)', async () => {
    const { emu, databaseId } = createFixture(
      data([
        { name: 'ann', score: 10 },
        { name: 'ann', score: 50 },
        { name: 'bob', score: 50 },
      ]),
    );
    const parent = await view(emu, `database/${databaseId}/views`, [{ conditions: [{ type: 'Field', field: 'name', value: 'ann' }] }]);
    const child = await view(emu, `view/${parent}/views`, [{ conditions: [{ type: 'Field', field: 'score', value: '50' }] }]);
    expect(await names(emu, child)).toEqual(['ann']);
    const complement = await view(emu, `view/${parent}/views`, [
      { inversed: true, conditions: [{ type: 'Field', field: 'score', value: '50' }] },
    ]);
    expect((await emu.get(`view/${complement}/profiles`)).json.data.map((p: { fields: { score: string } }) => p.fields.score)).toEqual([
      '10',
    ]);
  });

  test('birthday selection: ignoreyear, after and before "0 days ago, rounded to days" (how-to-create-a-birthday-selection.md)', async () => {
    const birthdays = data(
      ['1980-03-15', '1975-03-14', '1990-03-16', '2026-03-15', '', '1962-02-28'].map((birthdate, i) => ({ name: `p${i}`, birthdate })),
    );
    const { emu, databaseId } = createFixture(birthdays);
    const birthday = {
      type: 'Date',
      field: 'birthdate',
      'compare-mode': 'ignoreyear',
      'after-mutation': '["minus","0","day","day"]',
      'before-mutation': '["minus","0","day","day"]',
    };
    const id = await view(emu, `database/${databaseId}/views`, [{ conditions: [birthday] }]);
    expect(await names(emu, id)).toEqual(['p0', 'p3']);
    // New year's eve: the window 12-31 … 01-01 wraps.
    const eve = createFixture(
      data(['2001-12-31', '1999-01-01', '1980-12-30'].map((birthdate, i) => ({ name: `q${i}`, birthdate }))),
      () => new Date('2026-12-31T09:00:00Z'),
    );
    const eveView = await view(eve.emu, `database/${eve.databaseId}/views`, [{ conditions: [birthday] }]);
    expect(await names(eve.emu, eveView)).toEqual(['q0']);
  });

  test('MiniView: profiles with 1..999 subprofiles in miniview "toaster" (rest-condition-type-miniview.md)', async () => {
    const { emu, databaseId, collectionId } = createFixture(
      data([
        { name: 'one', orders: ['toaster', 'kettle'] },
        { name: 'two', orders: ['Toaster', 'toaster'] },
        { name: 'none', orders: ['kettle'] },
        { name: 'empty' },
      ]),
    );
    const toaster = await view(emu, `collection/${collectionId}/miniviews`, [
      { conditions: [{ type: 'Field', field: 'product', value: 'toaster' }] },
    ]);
    expect((await emu.get(`miniview/${toaster}/subprofileids`)).json).toHaveLength(3);
    const bought = await view(emu, `database/${databaseId}/views`, [
      { conditions: [{ type: 'MiniView', 'mini-view': toaster, 'min-subprofiles': '1', 'max-subprofiles': '999' }] },
    ]);
    expect(await names(emu, bought)).toEqual(['one', 'two']);
    const exactlyTwo = await view(emu, `database/${databaseId}/views`, [
      { conditions: [{ type: 'MiniView', 'mini-view': toaster, 'min-subprofiles': '2', 'max-subprofiles': '2' }] },
    ]);
    expect(await names(emu, exactlyTwo)).toEqual(['two']);
    const never = await view(emu, `database/${databaseId}/views`, [
      { conditions: [{ type: 'MiniView', 'mini-view': toaster, 'min-subprofiles': '0', 'max-subprofiles': '0' }] },
    ]);
    expect(await names(emu, never)).toEqual(['none', 'empty']);
    // Deleting the miniview leaves the condition; it then sees an empty set (docs/api/selections.md M5).
    await emu.del(`miniview/${toaster}`);
    expect(await names(emu, bought)).toEqual([]);
    expect(await names(emu, never)).toEqual(['one', 'two', 'none', 'empty']);
  });
});
