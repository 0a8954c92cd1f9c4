import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from './index.ts';

describe('startEmulator', () => {
  const started = startEmulator({ port: 0, dbPath: ':memory:', profiles: 50 });
  afterAll(async () => (await started).close());

  it('listens on 127.0.0.1 and serves the API over HTTP', async () => {
    const { url, token } = await started;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toBe('orrery-demo-token');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const r = await fetch(`${url}/v3/databases?access_token=${token}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(((await r.json()) as { total: number }).total).toBeGreaterThan(0);
  });
});
