import { describe, expect, it } from 'vitest';
import { createTestEmulator, TOKEN } from '../../testing/emulator.ts';

describe('access token and routing (docs/api/conventions.md §2, §5)', () => {
  const emu = createTestEmulator();

  it('rejects a missing or wrong token first, even on unknown routes', async () => {
    for (const token of [null, 'wrong', '']) {
      const r = await emu.call('GET', 'databases', { token });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.json).toEqual({ error: { message: 'Invalid access token' } });
    }
    expect((await emu.call('GET', 'no/such/route', { token: null })).json.error.message).toBe('Invalid access token');
  });

  it('answers unknown routes, wrong verbs and wrong case with Invalid method', async () => {
    for (const [method, path] of [
      ['GET', 'nothing'],
      ['DELETE', 'databases'],
      ['GET', 'DATABASES'],
    ]) {
      const r = await emu.call(method as string, path as string);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: { message: 'Invalid method' } });
    }
  });

  it('serves with and without the /v3 prefix, ignoring trailing slashes', async () => {
    for (const path of ['/v3/identity', '/identity', '/v3/identity/', '/identity//']) {
      const r = await emu.app.request(`${path}?access_token=${TOKEN}`);
      expect(r.status).toBe(200);
    }
  });

  it('reports a missing ID element and unknown databases before the sub-path', async () => {
    expect((await emu.get('database')).json.error.message).toBe("Invalid request, element 1 is missing in 'directory' path");
    expect((await emu.get('database/999/bogus')).json.error.message).toBe('No database with supplied ID');
    expect((await emu.get('database/0')).json.error.message).toBe('No database with supplied ID');
    expect((await emu.get('database/31/bogus')).json.error.message).toBe('Invalid method');
  });

  it('has a token-free health check', async () => {
    const r = await emu.app.request('/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
  });
});

describe('GET identity (restv3/rest-get-identity.md)', () => {
  it('returns the account with a lowercase id', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const r = await emu.get('identity');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      id: '812',
      name: 'Orrery Demo',
      description: 'Sandbox account',
      company: 'Acme BV',
      customer: { id: '5120', name: 'Acme BV', isPartner: false },
      usedBy: [],
      license: { id: '7734', isTrial: false },
    });
  });
});

describe('GET databases (restv3/rest-get-databases.md)', () => {
  const emu = createTestEmulator();

  it('pages with start, limit, count, data, total in that order', async () => {
    const r = await emu.get('databases');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(r.json)).toEqual(['start', 'limit', 'count', 'data', 'total']);
    expect(r.json.start).toBe(0);
    expect(r.json.limit).toBe(100);
    expect(r.json.count).toBe(r.json.data.length);
    expect(r.json.total).toBeGreaterThanOrEqual(4);
    expect(r.json.data.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['Customers', 'Newsletter', 'Events', 'Partners']),
    );
  });

  it('honours start/limit/total=false and clamps the limit to 1000', async () => {
    const r = await emu.get('databases', { start: '1', limit: '2', total: 'false' });
    expect(Object.keys(r.json)).toEqual(['start', 'limit', 'count', 'data']);
    expect(r.json).toMatchObject({ start: 1, limit: 2, count: 2 });
    expect((await emu.get('databases', { limit: '5000' })).json.limit).toBe(1000);
    const neg = await emu.get('databases', { start: '-1' });
    expect(neg.json).toMatchObject({ start: -1, count: 0, data: [] });
    expect((await emu.get('databases', { limit: '0' })).json).toMatchObject({ limit: 0, count: 0, data: [] });
    expect((await emu.get('databases', { limit: '2x' })).json.limit).toBe(2);
  });

  it('embeds fields, interests and collections with string IDs', async () => {
    const customers = (await emu.get('databases')).json.data[0];
    expect(customers).toMatchObject({
      ID: '31',
      name: 'Customers',
      archived: false,
      intentions: { email: 1, sms: null, fax: null, pdf: null },
    });
    expect(Object.keys(customers)).toEqual([
      'ID',
      'name',
      'description',
      'archived',
      'created',
      'fields',
      'interests',
      'collections',
      'intentions',
    ]);
    expect(customers.created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(customers.fields).toMatchObject({ start: 0, limit: 1000 });
    const email = customers.fields.data.find((f: { name: string }) => f.name === 'email');
    expect(email).toEqual({
      ID: expect.stringMatching(/^\d+$/),
      name: 'email',
      type: 'email',
      value: '',
      displayed: true,
      ordered: false,
      length: '100',
      textlines: '1',
      hidden: false,
      index: true,
    });
    expect(customers.interests.data[0]).toEqual({ ID: expect.stringMatching(/^\d+$/), name: 'golf', group: 'sports' });
    const orders = customers.collections.data[0];
    expect(orders).toMatchObject({ name: 'Orders', database: '31', intentions: { email: null, sms: null, fax: null, pdf: null } });
    expect(orders.fields).toMatchObject({ start: 0, limit: 100 });
  });
});

describe('GET database/$id (restv3/rest-get-database.md)', () => {
  const emu = createTestEmulator();

  it('finds a database by ID or case-insensitive name', async () => {
    const byId = await emu.get('database/31');
    const byName = await emu.get('database/customers');
    expect(byId.status).toBe(200);
    expect(byName.json).toEqual(byId.json);
    expect(byId.json.name).toBe('Customers');
  });

  it('includes archived databases', async () => {
    const all = (await emu.get('databases')).json.data;
    expect(all.some((d: { archived: boolean }) => d.archived)).toBe(true);
  });
});
