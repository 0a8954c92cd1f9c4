import { describe, expect, it } from 'vitest';
import { createTestEmulator, TOKEN } from '../testing/emulator.ts';

describe('bad input never gives a 5xx or partial writes', () => {
  it('refuses bodies over 10 MB with a 400', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'Big' })).headers.get('x-created');
    const huge = JSON.stringify({ fields: { x: 'y'.repeat(11 * 1024 * 1024) } });
    const r = await emu.app.request(`/v3/database/${db}/profiles?access_token=${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: huge,
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { message: 'Request body too large (the limit is 10 MB)' } });
    expect((await emu.get(`database/${db}/profiles`)).json.total).toBe(0);
  });

  it('answers malformed JSON and broken UTF-8 with clear 400s', async () => {
    const emu = createTestEmulator({ profiles: 0 });
    const db = (await emu.post('databases', { name: 'Bad' })).headers.get('x-created');
    expect((await emu.call('POST', `database/${db}/profiles`, { body: '{"fields":' })).json).toEqual({
      error: { message: 'Invalid JSON in request body' },
    });
    const r = await emu.app.request(`/v3/database/${db}/profiles?access_token=${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(await r.json()).toEqual({ error: { message: 'Request body is not valid UTF-8' } });
    expect((await emu.get(`database/${db}/profiles`)).json.total).toBe(0);
  });

  it('treats SQL in filters, order and IDs as data', async () => {
    const emu = createTestEmulator({ profiles: 100 });
    const before = (await emu.get('database/Customers/profiles', { total: 'true' })).json.total;
    for (const q of <Record<string, string>[]>[
      { 'fields[]': "lastname==x' OR '1'='1" },
      { orderby: 'id; DROP TABLE profiles_31' },
      { 'fields[]': 'id>0) OR (1=1' },
      { order: 'desc; DELETE FROM profiles' },
    ]) {
      expect((await emu.get('database/Customers/profiles', q)).status).toBe(200);
    }
    expect((await emu.get('database/1 OR 1=1/profiles')).json.error.message).toBe('No database with supplied ID');
    expect((await emu.get('database/Customers/profiles')).json.total).toBe(before);
  });
});
