// Test helper (not a test file): a loopback "Copernica" that serves long profile and event lists the way
// the API pages them, records every call and can hold a call open or change the list between calls.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GOOD_TOKEN, IDENTITY } from './support.ts';

export type FakeProfile = { ID: string; fields: Record<string, string>; interests: string[]; modified: string };

export interface FakeLists {
  url: string;
  profiles: FakeProfile[];
  events: Record<string, unknown>[];
  fieldNames: string[];
  /** every /v3 call as `path?query` (without the token), in arrival order */
  calls: string[];
  /** list calls currently open, and the most that were ever open at once */
  open: number;
  maxOpen: number;
  /** calls that the client dropped before the answer was sent */
  dropped: number;
  /** runs before each profile page is answered (1-based page number): change the list mid-export */
  beforeProfilePage?: (page: number) => void;
  /** answers this profile page (1-based) with a 500 */
  failProfilePage?: number;
  /** answers every call with 400 Invalid access token (a token revoked at Copernica) */
  rejectToken?: boolean;
  /** while set, list calls wait for it */
  hold?: Promise<void>;
  /** starts counting profile pages from 1 again */
  resetPages(): void;
  close(): Promise<void>;
}

export function profile(id: number, fields: Record<string, string> = {}): FakeProfile {
  return { ID: String(id), fields: { email: `p${id}@example.org`, note: '', ...fields }, interests: [], modified: '2026-01-01 00:00:00' };
}

export async function startFakeLists(): Promise<FakeLists> {
  let profilePage = 0;
  const fake: FakeLists = {
    resetPages: () => {
      profilePage = 0;
    },
    url: '',
    profiles: [],
    events: [],
    fieldNames: ['email', 'note'],
    calls: [],
    open: 0,
    maxOpen: 0,
    dropped: 0,
    close: async () => {},
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  async function list(res: ServerResponse, url: URL, rows: () => Record<string, unknown>[], byIdFilter: boolean) {
    fake.open++;
    fake.maxOpen = Math.max(fake.maxOpen, fake.open);
    let gone = false;
    res.once('close', () => {
      if (!res.writableEnded) {
        gone = true;
        fake.dropped++;
      }
    });
    try {
      const page = byIdFilter ? ++profilePage : 0;
      if (byIdFilter) fake.beforeProfilePage?.(page);
      await fake.hold;
      if (gone) return;
      if (byIdFilter && page === fake.failProfilePage) return json(res, 500, 'oops');
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 100));
      let all = rows();
      if (byIdFilter) {
        all = [...all].sort((a, b) => Number(a.ID) - Number(b.ID));
        for (const f of url.searchParams.getAll('fields[]')) {
          const m = /^id>(\d+)$/.exec(f);
          if (m) all = all.filter((p) => Number(p.ID) > Number(m[1]));
          const eq = /^(\w+)==(.*)$/.exec(f);
          if (eq) all = all.filter((p) => (p.fields as Record<string, string>)[eq[1] as string] === eq[2]);
        }
      }
      const data = all.slice(start, start + limit);
      const total = url.searchParams.get('total') === 'false' ? {} : { total: all.length };
      json(res, 200, { start, limit, count: data.length, data, ...total });
    } finally {
      fake.open--;
    }
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const token = url.searchParams.get('access_token');
    url.searchParams.delete('access_token');
    fake.calls.push(`${url.pathname}${url.search}`);
    if (token !== GOOD_TOKEN || fake.rejectToken) return json(res, 400, { error: { message: 'Invalid access token' } });
    if (url.pathname === '/v3/identity') return json(res, 200, IDENTITY);
    if (url.pathname === '/v3/database/7/fields')
      return json(res, 200, { start: 0, limit: 1000, count: 2, data: fake.fieldNames.map((name, i) => ({ ID: String(i + 1), name })) });
    if (url.pathname === '/v3/database/7/profiles') return void list(res, url, () => fake.profiles, true);
    if (url.pathname === '/v3/collection/3/fields')
      return json(res, 200, { start: 0, limit: 1000, count: 1, data: [{ ID: '9', name: 'order' }] });
    if (url.pathname === '/v3/collection/3/subprofiles') {
      const subprofiles = fake.profiles.map((p) => ({
        ID: p.ID,
        profile: String(Number(p.ID) * 10),
        fields: { order: `#${p.ID}` },
        modified: p.modified,
      }));
      return void list(res, url, () => subprofiles, true);
    }
    if (url.pathname === '/v3/ms/emailing/5/clicks') return void list(res, url, () => fake.events, false);
    return json(res, 400, { error: { message: 'No database with supplied ID' } });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return fake;
}
