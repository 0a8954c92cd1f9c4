// Hostile request targets sent over a real socket (no URL normalisation on the way in) to a running
// gateway whose API is a fake Copernica. A canary server on another loopback port must receive nothing,
// and no hostile target may reach the API either.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './index.ts';
import {
  captureLogs,
  cookieFrom,
  type FakeApi,
  GOOD_TOKEN,
  hostileProxyTargets,
  SECRET,
  startCanary,
  startFakeApi,
} from './testing/support.ts';

let api: FakeApi;
let canary: Awaited<ReturnType<typeof startCanary>>;
let gateway: RunningGateway;
let cookie = '';
const logs = captureLogs('debug');

beforeAll(async () => {
  api = await startFakeApi();
  canary = await startCanary();
  gateway = await startGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, port: 0, rateLimit: false });
  const res = await fetch(`${gateway.url}/auth/token`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'orrery', 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: GOOD_TOKEN }),
  });
  cookie = cookieFrom(res) ?? '';
  expect(cookie).not.toBe('');
});

afterAll(async () => {
  await gateway.close();
  await api.close();
  await canary.close();
  for (const line of logs.lines) expect(line).not.toContain(GOOD_TOKEN);
});

/** One raw HTTP/1.1 exchange; resolves with the status (0 when the server just closed the socket). */
function raw(target: string, { method = 'GET', headers = {} as Record<string, string> } = {}): Promise<{ status: number; head: string }> {
  const { port } = new URL(gateway.url);
  const lines = [
    `${method} ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    'X-Requested-With: orrery',
    `Cookie: ${cookie}`,
  ];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    socket.on('error', () => resolve({ status: 0, head: data }));
    socket.on('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), head: data.split('\r\n\r\n')[0] ?? '' }),
    );
    socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  });
}

const C = () => canary.host; // "127.0.0.1:<port>"

const hostileTargets = () => hostileProxyTargets(C());

describe('hostile proxy targets', () => {
  it('has at least 40 cases', () => {
    expect(hostileTargets().length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every one of them and forwards nothing', async () => {
    const apiBefore = api.requests.length;
    const results: string[] = [];
    for (const target of hostileTargets()) {
      const { status, head } = await raw(target);
      results.push(`${status} ${target.slice(0, 60)}`);
      expect(status === 0 || (status >= 400 && status < 500), `${target} → ${status}`).toBe(true);
      if (status !== 0 && /^HTTP\/1\.1 400/.test(head) && /content-type: application\/json/i.test(head)) {
        // our own refusals (not Node's parser) carry the security headers
        expect(head.toLowerCase(), target).toContain('x-content-type-options: nosniff');
      }
    }
    expect(api.requests.slice(apiBefore).map((r) => r.url)).toEqual([]);
    expect(canary.hits).toEqual([]);
    expect(results.length).toBe(hostileTargets().length);
    if (process.env.SHOW_HOSTILE) console.log(results.join('\n'));
  });

  it('refuses odd methods', async () => {
    for (const method of ['TRACE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
      const { status } = await raw('/api/v3/databases', { method });
      expect(status === 0 || (status >= 400 && status < 500), `${method} → ${status}`).toBe(true);
    }
    const connectStatus = await raw(`${C()}`, { method: 'CONNECT' });
    expect(connectStatus.status === 0 || connectStatus.status >= 400).toBe(true);
    expect(canary.hits).toEqual([]);
  });

  it('forwards legitimate requests to the configured API only, whatever the headers and query say', async () => {
    const before = api.requests.length;
    const cases: [string, Record<string, string>][] = [
      ['/api/v3/databases', { 'X-Forwarded-Host': C() }],
      ['/api/v3/databases', { 'X-Original-URL': `//${C()}/x`, 'X-Rewrite-URL': `//${C()}/x` }],
      [`/api/v3/databases?redirect=http://${C()}/&url=//${C()}`, {}],
      [`/api/v3/databases?access_token=stolen&access%5Ftoken=x&access.token=y`, {}],
      ['/api/v3/database/Klanten%20%C3%AB/profiles', {}],
    ];
    for (const [target, headers] of cases) {
      const { status } = await raw(target, { headers });
      expect(status, target).toBeLessThan(500);
    }
    const urls = api.requests.slice(before).map((r) => r.url);
    expect(urls).toHaveLength(cases.length);
    for (const url of urls) {
      expect(url.startsWith('/v3/')).toBe(true);
      expect(url.endsWith(`access_token=${GOOD_TOKEN}`)).toBe(true);
      expect(url.match(/access_token/g)).toHaveLength(1);
      expect(url).not.toContain('stolen');
    }
    expect(canary.hits).toEqual([]);
  });

  it('with a spoofed Host header still talks only to the configured API', async () => {
    const before = api.requests.length;
    const res = await new Promise<number>((resolve) => {
      const { port } = new URL(gateway.url);
      const socket = connect(Number(port), '127.0.0.1');
      let data = '';
      socket.on('data', (c) => {
        data += c.toString();
      });
      socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
      socket.write(`GET /api/v3/databases HTTP/1.1\r\nHost: ${C()}\r\nConnection: close\r\nCookie: ${cookie}\r\n\r\n`);
    });
    expect(res).toBe(200);
    expect(api.requests.length).toBe(before + 1);
    expect(canary.hits).toEqual([]);
  });
});
