// CRUD conformance of rules and conditions (docs/api/selections.md §3.2: R1–R3, C0–C3, V10–V12) and validation
// of bad input (§6.4): 400 in Copernica's format and nothing half-written.
import { describe, expect, test } from 'vitest';
import { createFixture } from '../testing/selections/fixture.ts';

async function setup() {
  const f = createFixture([]);
  const { emu, databaseId } = f;
  const view = Number((await emu.post(`database/${databaseId}/views`, { name: 'V' })).headers.get('x-created'));
  const rule = Number((await emu.post(`view/${view}/rules`, { name: 'first' })).headers.get('x-created'));
  const counts = () =>
    emu.db.prepare('SELECT (SELECT COUNT(*) FROM view_rules) AS rules, (SELECT COUNT(*) FROM view_conditions) AS conditions').get();
  return { ...f, db: emu.db, view, rule, counts };
}

describe('rules', () => {
  test('POST view/$id/rules accepts inverted or inversed; GET returns inversed and a paged conditions object', async () => {
    const { emu, view } = await setup();
    const res = await emu.post(`view/${view}/rules`, { name: 'second', inverted: true, disabled: 'yes' });
    expect(res.status).toBe(201);
    const id = res.headers.get('x-created');
    const rule = await emu.get(`rule/${id}`);
    expect(rule.json).toEqual({
      ID: id,
      name: 'second',
      view: String(view),
      conditions: { start: 0, limit: 100, count: 0, data: [], total: 0 },
      inversed: true,
      disabled: true,
    });
    expect(Object.keys(rule.json)).toEqual(['ID', 'name', 'view', 'conditions', 'inversed', 'disabled']);
    expect((await emu.get(`view/${view}/rule/${id}`)).json).toEqual(rule.json);
    const list = await emu.get(`view/${view}/rules`, { limit: '1' });
    expect(list.json).toMatchObject({ start: 0, limit: 1, count: 1, total: 2 });
    expect((await emu.get(`view/${view}`)).json['has-rules']).toBe(true);
  });

  test('rule names are required and unique in the view; V11 checks the rule belongs to the view', async () => {
    const { emu, databaseId, view, rule } = await setup();
    expect((await emu.post(`view/${view}/rules`, { name: 'FIRST' })).json).toEqual({ error: { message: 'Invalid data provided' } });
    expect((await emu.post(`view/${view}/rules`, {})).json).toEqual({ error: { message: 'Invalid data provided' } });
    const other = Number((await emu.post(`database/${databaseId}/views`, { name: 'Other' })).headers.get('x-created'));
    expect((await emu.get(`view/${other}/rule/${rule}`)).json).toEqual({ error: { message: 'No rule with supplied ID' } });
  });

  test('PUT rule/$id (inversed or inverted, disabled, name) and DELETE with its conditions', async () => {
    const { emu, rule, counts } = await setup();
    await emu.post(`rule/${rule}/conditions`, { type: 'Field', field: 'city', value: 'Delft' });
    expect((await emu.put(`rule/${rule}`, { inversed: true })).status).toBe(204);
    expect((await emu.get(`rule/${rule}`)).json).toMatchObject({ name: 'first', inversed: true, disabled: false });
    await emu.put(`rule/${rule}`, { inverted: false, disabled: true, name: 'renamed' });
    expect((await emu.get(`rule/${rule}`)).json).toMatchObject({ name: 'renamed', inversed: false, disabled: true });
    const del = await emu.del(`rule/${rule}`);
    expect([del.status, del.headers.get('x-deleted')]).toEqual([204, `rule ${rule}`]);
    expect(counts()).toEqual({ rules: 0, conditions: 0 });
  });
});

describe('conditions', () => {
  test('POST rule/$id/conditions: lower-case type in, canonical type and full field object out', async () => {
    const { emu, rule } = await setup();
    const res = await emu.post(`rule/${rule}/conditions`, { type: 'field', field: 'tier', value: 'yes' });
    expect(res.status).toBe(201);
    const id = res.headers.get('x-created');
    expect(res.headers.get('x-location')).toBe(`http://emulator.test/v3/condition/Field/${id}`);
    const condition = (await emu.get(`rule/${rule}`)).json.conditions.data[0];
    expect(condition).toEqual({
      ID: id,
      type: 'Field',
      rule: String(rule),
      comparison: 'equals',
      field: {
        ID: expect.any(String),
        name: 'tier',
        type: 'select',
        value: 'gold\r\nsilver\r\nGold',
        displayed: false,
        ordered: false,
        length: '255',
        textlines: '1',
        hidden: false,
        index: false,
      },
      value: 'yes',
      'other-field': false,
      'numeric-comparison': false,
    });
    expect((await emu.get(`rule/${rule}/conditions`)).json).toEqual({ start: 0, limit: 100, count: 1, data: [condition], total: 1 });
  });

  test('form-encoded bodies work like JSON (rest-requests.md)', async () => {
    const { emu, rule } = await setup();
    const res = await emu.call('POST', `rule/${rule}/conditions`, {
      form: 'type=doublefield&fields[]=name&fields[]=city&match-mode=match_unique_profiles',
    });
    expect(res.status, res.text).toBe(201);
    expect((await emu.get(`rule/${rule}`)).json.conditions.data[0]).toMatchObject({
      type: 'DoubleField',
      fields: { count: 2 },
      'match-mode': 'match_unique_profiles',
    });
    expect((await emu.call('PUT', `rule/${rule}`, { form: 'inverted=true&disabled=0' })).status).toBe(204);
    expect((await emu.get(`rule/${rule}`)).json).toMatchObject({ inversed: true, disabled: false });
  });

  test('PUT condition/$type/$id updates a subset; value resets other-field; type must match; DELETE', async () => {
    const { emu, rule } = await setup();
    const id = (
      await emu.post(`rule/${rule}/conditions`, { type: 'Field', field: 'score', 'other-field': 'amount', comparison: 'more' })
    ).headers.get('x-created');
    expect((await emu.get(`rule/${rule}`)).json.conditions.data[0]['other-field']).toMatchObject({ name: 'amount' });
    expect((await emu.put(`condition/field/${id}`, { value: '10' })).status).toBe(204);
    const updated = (await emu.get(`rule/${rule}`)).json.conditions.data[0];
    expect(updated).toMatchObject({ comparison: 'more', value: '10', 'other-field': false, field: { name: 'score' } });
    expect((await emu.put(`condition/date/${id}`, { value: '1' })).json).toEqual({ error: { message: 'No condition with supplied ID' } });
    expect((await emu.get(`condition/field/${id}`)).json).toEqual({ error: { message: 'Invalid method' } });
    const del = await emu.del(`condition/Field/${id}`);
    expect([del.status, del.headers.get('x-deleted')]).toEqual([204, `condition ${id}`]);
    expect((await emu.get(`rule/${rule}`)).json.conditions.count).toBe(0);
  });

  test('every condition type round-trips with its documented properties', async () => {
    const { emu, databaseId, collectionId, rule, view } = await setup();
    const mini = (await emu.post(`collection/${collectionId}/miniviews`, { name: 'M' })).headers.get('x-created');
    const other = (await emu.post(`database/${databaseId}/views`, { name: 'Other' })).headers.get('x-created');
    const bodies: Record<string, unknown>[] = [
      { type: 'Change', 'change-type': 'field', field: 'city', 'after-mutation': ['minus', '7', 'day', 'day'] },
      {
        type: 'Date',
        field: 'birthdate',
        'compare-mode': 'ignoreyear',
        'after-mutation': '["minus","0","day","day"]',
        'before-mutation': '["minus","0","day","day"]',
      },
      { type: 'DoubleField', fields: '[name, city]', 'match-mode': 'match_repeated_profiles' },
      {
        type: 'Email',
        'match-mode': 'match_profiles_that_received_something',
        'required-destination': 'profile',
        'required-result': 'error',
        'required-errors': 'final',
        operator: '>',
        number: '1',
        'after-mutation': '["minus","6","month","day"]',
      },
      { type: 'Export', 'include-never-exported-profiles': true, 'after-time': '01-01-2000' },
      { type: 'Fax', 'match-mode': 'match_profiles_that_received_nothing' },
      { type: 'Interest', 'match-mode': 'match_profiles_with_interestgroup', 'interest-group': 'sports' },
      { type: 'LastContact', match_type: 'match_intelligent', 'match-mode': 'match_not_contacted_profiles', contains: 'call' },
      { type: 'MiniView', 'mini-view': mini, 'min-subprofiles': '1', 'max-subprofiles': '999' },
      { type: 'Part', fields: 'score', begin: '-0', length: '10%' },
      { type: 'ReferView', 'refer-view': other, 'check-type': 'no' },
      { type: 'Sms', 'match-mode': 'match_profiles_that_received_document', document: 'Welcome' },
      { type: 'Survey', 'survey-name': 'NPS', submitter: 'noprofile' },
      { type: 'ToDo', 'match-mode': 'match_contacted_profiles', 'min-closed': 1 },
    ];
    for (const body of bodies) expect((await emu.post(`rule/${rule}/conditions`, body)).status, JSON.stringify(body)).toBe(201);
    const data = (await emu.get(`view/${view}/rules`)).json.data[0].conditions.data;
    expect(data.map((c: { type: string }) => c.type)).toEqual(bodies.map((b) => b.type));
    const byType = Object.fromEntries(data.map((c: { type: string }) => [c.type, c]));
    expect(byType.Change).toMatchObject({
      'change-type': 'field',
      field: { name: 'city' },
      interest: false,
      'after-mutation': '["minus","7","day","day"]',
      'before-time': false,
    });
    expect(byType.DoubleField.fields).toMatchObject({ count: 2, data: [{ name: 'name' }, { name: 'city' }] });
    expect(byType.Email).toMatchObject({ 'required-result': 'error', 'required-errors': 'final', number: '1', 'clicked-url': '' });
    expect(byType.Export).toMatchObject({ 'include-never-exported-profiles': true, 'after-time': '2000-01-01 00:00:00' });
    expect(byType.Interest).toMatchObject({
      'match-mode': 'match_profiles_with_interest_group',
      interest: false,
      'interest-group': 'sports',
    });
    expect(byType.LastContact).toMatchObject({ 'match-type': 'match_intelligent', contains: 'call', 'contact-type': 'false' });
    expect(byType.MiniView).toMatchObject({
      'mini-view': { ID: mini, 'parent-type': 'collection' },
      'min-subprofiles': '1',
      'max-subprofiles': '999',
    });
    expect(byType.Part).toMatchObject({ begin: '-0', length: '10%', fields: { data: [{ name: 'score' }] } });
    expect(byType.ReferView).toMatchObject({ 'refer-view': { ID: other, name: 'Other' }, 'check-type': 'no' });
    expect((await emu.get(`view/${other}`)).json['has-referred']).toBe(true);
    expect((await emu.get(`miniview/${mini}/views`)).json.data.map((v: { ID: string }) => v.ID)).toEqual([String(view)]);
  });

  test('bad input: 400 in Copernica format, nothing written', async () => {
    const { emu, rule, counts, databaseId, collectionId } = await setup();
    const mini = (await emu.post(`collection/${collectionId}/miniviews`, { name: 'M' })).headers.get('x-created');
    const before = counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'Bogus' }, 'Invalid value for property type'],
      [{ field: 'city' }, 'Invalid value for property type'],
      [{ type: 'Field', field: 'nope', value: 'x' }, 'No field with supplied ID'],
      [{ type: 'Field', value: 'x' }, 'Invalid value for property field'],
      [{ type: 'Field', field: 'city', comparison: 'similar' }, 'Invalid value for property comparison'],
      [{ type: 'Field', field: 'city', comparison: 'regexp', value: '(' }, 'Invalid value for property value'],
      [{ type: 'Date', field: 'city' }, 'Invalid value for property field'],
      [{ type: 'Date', field: 'birthdate', 'after-mutation': '["minus","x","day","day"]' }, 'Invalid value for property after-mutation'],
      [{ type: 'Date', field: 'birthdate', 'after-mutation': '["minus","1","day","week"]' }, 'Invalid value for property after-mutation'],
      [{ type: 'Date', field: 'birthdate', 'after-time': 'someday' }, 'Invalid value for property after-time'],
      [{ type: 'Interest', interest: 'karate' }, 'No interest with supplied ID'],
      [{ type: 'Interest' }, 'Invalid value for property interest'],
      [{ type: 'ReferView', 'refer-view': '999999' }, 'No view with supplied ID'],
      [{ type: 'MiniView', 'mini-view': '999999' }, 'No miniview with supplied ID'],
      [{ type: 'MiniView', 'mini-view': mini, 'min-subprofiles': 'many' }, 'Invalid value for property min-subprofiles'],
      [{ type: 'DoubleField', fields: [] }, 'Invalid value for property fields'],
      [{ type: 'DoubleField', fields: 'name', 'match-mode': 'match_unique_subprofiles' }, 'Invalid value for property match-mode'],
      [{ type: 'Part', begin: 'first' }, 'Invalid value for property begin'],
    ];
    for (const [body, message] of cases) {
      const res = await emu.post(`rule/${rule}/conditions`, body);
      expect([JSON.stringify(body), res.status, res.json]).toEqual([JSON.stringify(body), 400, { error: { message } }]);
    }
    expect(counts()).toEqual(before);
    // A view of another database is not a valid ReferView target.
    const otherDb = (await emu.get('databases')).json.data.find((d: { ID: string }) => d.ID !== String(databaseId)).ID;
    const foreign = (await emu.post(`database/${otherDb}/views`, { name: 'Foreign' })).headers.get('x-created');
    expect((await emu.post(`rule/${rule}/conditions`, { type: 'ReferView', 'refer-view': foreign })).json).toEqual({
      error: { message: 'No view with supplied ID' },
    });
  });

  test('ReferView cycles (self, child, through another view) are refused and leave nothing behind', async () => {
    const { emu, databaseId, view, rule, counts } = await setup();
    const child = Number((await emu.post(`view/${view}/views`, { name: 'Child' })).headers.get('x-created'));
    const other = Number((await emu.post(`database/${databaseId}/views`, { name: 'Other' })).headers.get('x-created'));
    const otherRule = (await emu.post(`view/${other}/rules`, { name: 'r' })).headers.get('x-created');
    expect((await emu.post(`rule/${otherRule}/conditions`, { type: 'ReferView', 'refer-view': view })).status).toBe(201);
    const before = counts();
    for (const target of [view, child, other]) {
      const res = await emu.post(`rule/${rule}/conditions`, { type: 'ReferView', 'refer-view': target });
      expect(res.status).toBe(400);
      expect(res.json.error.message).toBe('A ReferView condition cannot refer to its own selection or to one that depends on it');
    }
    expect(counts()).toEqual(before);
    // A nested view may refer to other views (no cycle: nothing depends on the child).
    const childRule = (await emu.post(`view/${child}/rules`, { name: 'r' })).headers.get('x-created');
    // PUT into a cycle is refused too, and the stored target stays.
    const ok = (await emu.post(`rule/${childRule}/conditions`, { type: 'ReferView', 'refer-view': other })).headers.get('x-created');
    expect(ok).toBeTruthy();
    const fresh = (await emu.post(`database/${databaseId}/views`, { name: 'Fresh' })).headers.get('x-created');
    const freshRule = (await emu.post(`view/${fresh}/rules`, { name: 'r' })).headers.get('x-created');
    const ref = (await emu.post(`rule/${freshRule}/conditions`, { type: 'ReferView', 'refer-view': other })).headers.get('x-created');
    expect((await emu.put(`condition/referview/${ref}`, { 'refer-view': fresh })).status).toBe(400);
    expect((await emu.get(`rule/${freshRule}`)).json.conditions.data[0]['refer-view'].ID).toBe(String(other));
  });
});
