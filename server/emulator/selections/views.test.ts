// CRUD conformance of views and nested views (docs/api/selections.md §3.1, V1–V15) and their error texts.
import { describe, expect, test } from 'vitest';
import { createFixture } from '../testing/selections/fixture.ts';

function setup() {
  const f = createFixture([]);
  const { emu, databaseId } = f;
  const createView = async (name: string, parent?: number) => {
    const res = await emu.post(parent ? `view/${parent}/views` : `database/${databaseId}/views`, { name, description: `about ${name}` });
    expect(res.status, res.text).toBe(201);
    return Number(res.headers.get('x-created'));
  };
  return { ...f, db: emu.db, createView };
}

describe('views', () => {
  test('POST database/$id/views → 201, X-Created, empty body; GET view/$id has the documented shape', async () => {
    const { emu, databaseId } = setup();
    const res = await emu.post(`database/${databaseId}/views`, { name: 'Newsletter_NL', description: 'Dutch opt-ins', 'has-rules': true });
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    const id = res.headers.get('x-created');
    expect(id).toMatch(/^\d+$/);
    expect(res.headers.get('x-location')).toBe(`http://emulator.test/v3/view/${id}`);
    const view = await emu.get(`view/${id}`);
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toBe('application/json');
    expect(view.json).toEqual({
      ID: id,
      name: 'Newsletter_NL',
      description: 'Dutch opt-ins',
      'parent-type': 'database',
      'parent-id': String(databaseId),
      'has-children': false,
      'has-referred': false,
      'has-rules': false,
      database: String(databaseId),
      'last-built': '2026-03-15 11:20:30',
      intentions: { email: null, sms: null, fax: null, pdf: null },
    });
    expect(Object.keys(view.json)).toEqual([
      'ID',
      'name',
      'description',
      'parent-type',
      'parent-id',
      'has-children',
      'has-referred',
      'has-rules',
      'database',
      'last-built',
      'intentions',
    ]);
  });

  test('names are required, trimmed and unique per database', async () => {
    const { emu, databaseId, createView } = setup();
    await createView('Shoppers');
    for (const body of [{}, { name: '' }, { name: ' padded' }, { name: 'shoppers' }, { description: 'x' }]) {
      const res = await emu.post(`database/${databaseId}/views`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toEqual({ error: { message: 'Invalid data provided' } });
    }
    expect((await emu.get(`database/${databaseId}/views`)).json.total).toBe(1);
  });

  test('nested views: V6/V7, has-children, parent-type view, database lists only top-level views', async () => {
    const { emu, databaseId, createView } = setup();
    const parent = await createView('Parent');
    const child = await createView('Child', parent);
    const grandchild = await createView('Grandchild', child);
    const list = await emu.get(`database/${databaseId}/views`);
    expect(list.json).toMatchObject({ start: 0, limit: 100, count: 1, total: 1 });
    expect(list.json.data[0]).toMatchObject({ ID: String(parent), 'has-children': true });
    const children = await emu.get(`view/${parent}/views`);
    expect(children.json.data.map((v: { ID: string }) => v.ID)).toEqual([String(child)]);
    expect(children.json.data[0]).toMatchObject({
      'parent-type': 'view',
      'parent-id': String(parent),
      database: String(databaseId),
      'has-children': true,
    });
    expect((await emu.get(`view/${grandchild}`)).json['parent-id']).toBe(String(child));
    const paged = await emu.get(`view/${parent}/views`, { start: '1', total: 'false' });
    expect(paged.json).toEqual({ start: 1, limit: 100, count: 0, data: [] });
  });

  test('PUT view/$id changes name and description only; 204', async () => {
    const { emu, databaseId, createView } = setup();
    const id = await createView('Before');
    await createView('Taken');
    const res = await emu.put(`view/${id}`, { name: 'After', 'parent-id': '999', 'parent-type': 'view' });
    expect(res.status).toBe(204);
    expect((await emu.get(`view/${id}`)).json).toMatchObject({
      name: 'After',
      description: 'about Before',
      'parent-type': 'database',
      'parent-id': String(databaseId),
    });
    expect((await emu.put(`view/${id}`, { name: 'Taken' })).json).toEqual({ error: { message: 'Invalid data provided' } });
    expect((await emu.put(`view/${id}`, { description: 'new text' })).status).toBe(204);
    expect((await emu.get(`view/${id}`)).json).toMatchObject({ name: 'After', description: 'new text' });
  });

  test('DELETE view/$id → 204 + X-deleted; nested views, rules and conditions go too; profiles stay', async () => {
    const { emu, db, databaseId, createView } = setup();
    const parent = await createView('Parent');
    const child = await createView('Child', parent);
    const rule = await emu.post(`view/${child}/rules`, { name: 'r' });
    await emu.post(`rule/${rule.headers.get('x-created')}/conditions`, { type: 'Field', field: 'city', value: 'Delft' });
    const res = await emu.del(`view/${parent}`);
    expect(res.status).toBe(204);
    expect(res.headers.get('x-deleted')).toBe(`view ${parent}`);
    expect((await emu.get(`view/${child}`)).json).toEqual({ error: { message: 'No view with supplied ID' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM view_rules').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM view_conditions').get()).toEqual({ n: 0 });
    expect((await emu.get(`database/${databaseId}/views`)).json.total).toBe(0);
  });

  test('copy: same parent, rules and conditions copied; options.views copies nested views', async () => {
    const { emu, createView } = setup();
    const parent = await createView('Parent');
    const source = await createView('Source', parent);
    await createView('Sub', source);
    const rule = await emu.post(`view/${source}/rules`, { name: 'optin', inversed: true });
    await emu.post(`rule/${rule.headers.get('x-created')}/conditions`, { type: 'field', field: 'tier', value: 'gold' });
    const plain = await emu.post(`view/${source}/copy`, { name: 'Plain copy' });
    expect(plain.status).toBe(201);
    const plainId = plain.headers.get('x-created');
    expect((await emu.get(`view/${plainId}`)).json).toMatchObject({
      'parent-id': String(parent),
      'has-children': false,
      'has-rules': true,
    });
    const rules = (await emu.get(`view/${plainId}/rules`)).json.data;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ name: 'optin', inversed: true, view: plainId });
    expect(rules[0].conditions.data[0]).toMatchObject({ type: 'Field', value: 'gold' });
    const deep = await emu.post(`view/${source}/copy`, { name: 'Deep copy', options: { views: true } });
    const subs = (await emu.get(`view/${deep.headers.get('x-created')}/views`)).json.data;
    expect(subs.map((v: { name: string }) => v.name)).toEqual(['Sub_copy']);
    expect((await emu.post(`view/${source}/copy`, {})).json).toEqual({ error: { message: 'Invalid data provided' } });
  });

  test('rebuild (POST and PUT) stamps last-built from the injected clock', async () => {
    const { emu, db, createView } = setup();
    const id = await createView('V');
    db.prepare(`UPDATE views SET last_built = '2000-01-01 00:00:00'`).run();
    expect((await emu.post(`view/${id}/rebuild`)).status).toBe(204);
    expect((await emu.get(`view/${id}`)).json['last-built']).toBe('2026-03-15 11:20:30');
    db.prepare(`UPDATE views SET last_built = '2000-01-01 00:00:00'`).run();
    expect((await emu.put(`view/${id}/rebuild`)).status).toBe(204);
    expect((await emu.get(`view/${id}`)).json['last-built']).toBe('2026-03-15 11:20:30');
  });

  test('intentions (PUT and POST): need an email / phone_gsm / phone_fax field; omitted keys stay', async () => {
    const { emu, createView } = setup();
    const id = await createView('V');
    expect((await emu.put(`view/${id}/intentions`, { email: true, pdf: true })).status).toBe(204);
    expect((await emu.get(`view/${id}`)).json.intentions).toEqual({ email: 1, sms: null, fax: null, pdf: 1 });
    expect((await emu.post(`view/${id}/intentions`, { sms: true })).json).toEqual({ error: { message: 'Invalid data provided' } });
    expect((await emu.post(`view/${id}/intentions`, { email: false })).status).toBe(204);
    expect((await emu.get(`view/${id}`)).json.intentions).toEqual({ email: null, sms: null, fax: null, pdf: 1 });
  });

  test('error texts and check order: element missing, unknown IDs, unknown sub-paths, token', async () => {
    const { emu, createView } = setup();
    const id = await createView('V');
    const cases: [string, string, string][] = [
      ['GET', 'view', "Invalid request, element 1 is missing in 'directory' path"],
      ['GET', 'view/999999', 'No view with supplied ID'],
      ['GET', 'view/abc/rules', 'No view with supplied ID'],
      ['GET', 'view/999999/bogus', 'No view with supplied ID'],
      ['GET', `view/${id}/bogus`, 'Invalid method'],
      ['GET', 'database/999999/views', 'No database with supplied ID'],
      ['GET', 'rule/1', 'No rule with supplied ID'],
      ['PUT', 'condition', "Invalid request, element 1 is missing in 'directory' path"],
      ['PUT', 'condition/field', "Invalid request, element 2 is missing in 'directory' path"],
      ['DELETE', 'condition/field/1', 'No condition with supplied ID'],
      ['GET', 'miniview/1', 'No miniview with supplied ID'],
      ['GET', 'minirule/1', 'No minirule with supplied ID'],
    ];
    for (const [method, path, message] of cases) {
      const res = await emu.call(method, path);
      expect([path, res.status, res.json]).toEqual([path, 400, { error: { message } }]);
    }
    expect((await emu.call('GET', `view/${id}`, { token: 'wrong' })).json).toEqual({ error: { message: 'Invalid access token' } });
  });
});
