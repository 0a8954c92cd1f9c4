import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.ts';

const TOKEN = 'faults-test-token';

/** A raw HTTP call, so a reset connection surfaces as the socket error it is. */
function call(url: string, method: string, body?: unknown): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'Content-Type': 'application/json', Connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('emulator fault switch', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let plain: Awaited<ReturnType<typeof startEmulator>>;
  const at = (base: string, path: string) => `${base}${path}${path.includes('?') ? '&' : '?'}access_token=${TOKEN}`;
  let database = '';

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, dbPath: ':memory:', profiles: 0, token: TOKEN, faults: true });
    plain = await startEmulator({ port: 0, dbPath: ':memory:', profiles: 0, token: TOKEN, faults: false });
    const created = await call(at(emulator.url, '/v3/databases'), 'POST', { name: 'Faults' });
    database = String(created.headers['x-created']);
  });
  afterAll(async () => {
    await emulator.close();
    await plain.close();
  });

  async function profileCount() {
    const res = await call(at(emulator.url, `/v3/database/${database}/profiles?total=true`), 'GET');
    return (JSON.parse(res.text) as { total: number }).total;
  }

  it.each(['cut', 'reset'] as const)('"%s": the POST is stored once, the caller gets no answer, and it fires only once', async (mode) => {
    const before = await profileCount();
    const armed = await call(at(emulator.url, '/__faults'), 'POST', { method: 'POST', path: `/v3/database/${database}/profiles`, mode });
    expect(armed.status).toBe(201);
    await expect(call(at(emulator.url, `/v3/database/${database}/profiles`), 'POST', { fields: {} })).rejects.toThrow();
    expect(await profileCount()).toBe(before + 1);
    const next = await call(at(emulator.url, `/v3/database/${database}/profiles`), 'POST', { fields: {} });
    expect(next.status).toBe(201);
    expect(await profileCount()).toBe(before + 2);
  });

  it('needs the access token, and DELETE disarms', async () => {
    expect((await call(`${emulator.url}/__faults`, 'POST', { method: 'GET', path: '/databases' })).status).toBe(400);
    await call(at(emulator.url, '/__faults'), 'POST', { method: 'GET', path: '/databases' });
    expect((await call(at(emulator.url, '/__faults'), 'DELETE')).status).toBe(200);
    expect((await call(at(emulator.url, '/v3/databases'), 'GET')).status).toBe(200);
  });

  it('does not exist unless switched on', async () => {
    const res = await call(at(plain.url, '/__faults'), 'POST', { method: 'GET', path: '/databases' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Invalid method');
  });
});
