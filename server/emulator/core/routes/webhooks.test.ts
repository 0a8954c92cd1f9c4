import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEmulator } from '../../testing/emulator.ts';
import { parseForm } from '../http.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

describe('webhooks (restv3/rest-post-webhooks.md … rest-delete-webhook.md)', () => {
  let server: http.Server;
  let url = '';
  const received: Received[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body: parseForm(raw) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('creates, reads, lists (emulator extension), updates and deletes webhooks', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const r = await emu.post('webhooks', { handler: url, trigger: 'update', callers: ['ms'] });
    expect(r.status).toBe(201);
    const id = r.headers.get('x-created');
    expect((await emu.get(`webhook/${id}`)).json).toEqual({
      ID: id,
      handler: url,
      trigger: 'update',
      callers: ['ms'],
      database: null,
      collection: null,
    });
    expect((await emu.get('webhooks')).json).toMatchObject({ start: 0, count: 1, total: 1 });
    expect((await emu.put(`webhook/${id}`, { trigger: 'create' })).status).toBe(204);
    expect((await emu.get(`webhook/${id}`)).json.trigger).toBe('create');
    for (const body of [
      { handler: 'ftp://x', trigger: 'create' },
      { handler: url, trigger: 'sometimes' },
      { handler: url, trigger: 'open', callers: ['x'] },
    ]) {
      expect((await emu.post('webhooks', body)).json.error.message).toMatch(/^Invalid data provided/);
    }
    const d = await emu.del(`webhook/${id}`);
    expect(d.headers.get('x-deleted')).toBe(`webhook ${id}`);
    expect((await emu.get(`webhook/${id}`)).json.error.message).toBe('No webhook with supplied ID');
  });

  it('POSTs the documented payloads to a loopback handler for create, update and delete', async () => {
    received.length = 0;
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'W' })).headers.get('x-created') as string;
    await emu.post(`database/${db}/fields`, { name: 'email', type: 'email' });
    await emu.post(`database/${db}/interests`, { name: 'golf' });
    const coll = (await emu.post(`database/${db}/collections`, { name: 'orders' })).headers.get('x-created') as string;
    await emu.post(`collection/${coll}/fields`, { name: 'amount', type: 'float' });
    for (const trigger of ['create', 'update', 'delete']) await emu.post('webhooks', { handler: url, trigger, database: db });

    const pid = (await emu.post(`database/${db}/profiles`, { fields: { email: 'a@b.c' }, interests: ['golf'] })).headers.get('x-created');
    await emu.put(`profile/${pid}`, { fields: { email: 'new@b.c' } });
    await emu.put(`profile/${pid}`, { fields: { email: 'new@b.c' } }); // no change: no event
    const sid = (await emu.post(`profile/${pid}/subprofiles/${coll}`, { amount: 3 })).headers.get('x-created');
    await emu.del(`profile/${pid}`);
    await emu.ctx.webhooks.idle();

    const types = received.map((r) => [r.body.type, r.body.subprofile ? 'subprofile' : 'profile']);
    expect(types).toEqual([
      ['create', 'profile'],
      ['update', 'profile'],
      ['create', 'subprofile'],
      ['delete', 'profile'],
    ]);
    const [create, update, subCreate, del] = received as [Received, Received, Received, Received];
    expect(create.body).toMatchObject({ type: 'create', profile: pid, database: db, fields: { email: 'a@b.c' }, interests: ['golf'] });
    expect(create.body).toHaveProperty('timestamp');
    expect(create.body).toHaveProperty('time');
    expect(create.body).toHaveProperty('created');
    expect(create.body).toHaveProperty('modified');
    expect(update.body).toMatchObject({ fields: { email: 'new@b.c' }, parameters: { fields: { email: 'new@b.c' } } });
    expect(subCreate.body).toMatchObject({ subprofile: sid, profile: pid, database: db, collection: coll, fields: { amount: '3' } });
    expect(del.body).toMatchObject({ type: 'delete', profile: pid, database: db, fields: { email: 'new@b.c' } });
    expect(create.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(create.headers.digest).toMatch(/^SHA-256=/);
    expect(create.headers['x-copernica-id']).toBe('account-812');
    expect(create.headers.date).toBeTruthy();
    const hook = (await emu.get('webhooks', { database: db })).json.data[0].ID;
    expect((await emu.get(`webhook/${hook}/deliveries`)).json[0]).toMatchObject({ trigger: 'create', result: '200' });
  });

  it('never calls non-loopback handlers and never fires for rolled-back writes', async () => {
    received.length = 0;
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'X' })).headers.get('x-created') as string;
    const hook = (await emu.post('webhooks', { handler: 'http://hooks.example.org/x', trigger: 'create' })).headers.get('x-created');
    await emu.post('webhooks', { handler: url, trigger: 'create' });
    await emu.post(`database/${db}/profiles`, {});
    expect((await emu.post(`database/${db}/profiles`, { fields: 'bad' })).status).toBe(400);
    await emu.ctx.webhooks.idle();
    expect(received).toHaveLength(1);
    expect((await emu.get(`webhook/${hook}/deliveries`)).json[0].result).toMatch(/^skipped/);
  });
});
