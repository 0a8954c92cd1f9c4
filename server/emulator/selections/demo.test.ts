// The demo selections exist, evaluate, and behave as their descriptions say.
import { expect, test } from 'vitest';
import { modules } from '../modules.ts';
import { createTestEmulator } from '../testing/emulator.ts';

test('demo selections: nesting narrows, grouping holds everyone, Part keeps 100, MiniView and birthday work', async () => {
  const emu = createTestEmulator({ modules, profiles: 3000, now: () => new Date('2026-11-01T11:00:00Z') });
  const customers = (await emu.get('databases')).json.data.find((d: { name: string }) => d.name === 'Customers');
  const top = (await emu.get(`database/${customers.ID}/views`)).json.data as { ID: string; name: string }[];
  const byName = new Map(top.map((v) => [v.name, v.ID]));
  const ids = async (id: string | undefined) => (await emu.get(`view/${id}/profileids`)).json as number[];
  const count = async (path: string) => (await emu.get(path, { limit: '1' })).json.total as number;

  const live = await count(`database/${customers.ID}/profiles`);
  const all = byName.get('Database_management');
  expect((await ids(all)).length).toBe(live);
  const [dutch] = (await emu.get(`view/${all}/views`)).json.data as { ID: string; name: string }[];
  expect(dutch?.name).toBe('Dutch_customers');
  const [premium] = (await emu.get(`view/${dutch?.ID}/views`)).json.data as { ID: string }[];
  const dutchIds = new Set(await ids(dutch?.ID));
  const premiumIds = await ids(premium?.ID);
  expect(premiumIds.length).toBeGreaterThan(0);
  expect(premiumIds.length).toBeLessThan(dutchIds.size);
  expect(premiumIds.every((id) => dutchIds.has(id))).toBe(true);
  for (const id of premiumIds.slice(0, 20)) {
    const p = (await emu.get(`profile/${id}`)).json;
    expect([p.fields.country, ['gold', 'platinum'].includes(p.fields.segment)]).toEqual(['NL', true]);
  }

  expect(await ids(byName.get('Top_100_loyalty'))).toHaveLength(100);
  const birthdays = await ids(byName.get('Birthday_today'));
  for (const id of birthdays) expect((await emu.get(`profile/${id}`)).json.fields.birthdate.slice(5)).toBe('11-01');
  const spenders = await ids(byName.get('Big_spenders'));
  expect(spenders.length).toBeGreaterThan(0);
  const rules = (await emu.get(`view/${byName.get('Big_spenders')}/rules`)).json.data;
  expect(rules[0].conditions.data[0]).toMatchObject({ type: 'MiniView', 'mini-view': { name: 'Big_orders' }, 'min-subprofiles': '2' });
  expect((await emu.get(`view/${byName.get('Top_100_loyalty')}`)).json['has-referred']).toBe(true);
});
