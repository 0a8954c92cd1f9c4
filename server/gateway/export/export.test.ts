import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../index.ts';
import { type FakeLists, profile, startFakeLists } from '../testing/fake-lists.ts';
import { captureLogs, cookieFrom, GOOD_TOKEN, SECRET } from '../testing/support.ts';
import { dataLine, headerLine, neutralizeFormula, quote } from './csv.ts';

let api: FakeLists;
let gw: RunningGateway;
let cookie: string;
const logs = captureLogs('debug');
const XRW = { 'X-Requested-With': 'orrery' };

beforeAll(async () => {
  api = await startFakeLists();
  gw = await startGateway({ apiUrl: api.url, sessionSecret: SECRET, logger: logs.logger, port: 0 });
  const res = await fetch(`${gw.url}/auth/token`, {
    method: 'POST',
    headers: { ...XRW, 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: GOOD_TOKEN }),
  });
  cookie = cookieFrom(res) as string;
});
afterAll(async () => {
  await gw.close();
  await api.close();
  for (const line of logs.lines) expect(line).not.toContain(GOOD_TOKEN);
});
beforeEach(() => {
  api.profiles = Array.from({ length: 2500 }, (_, i) => profile(i + 1));
  api.events = [];
  api.calls.length = 0;
  api.maxOpen = 0;
  api.dropped = 0;
  api.beforeProfilePage = undefined;
  api.hold = undefined;
  api.failProfilePage = undefined;
  api.resetPages();
});
afterEach(() => {
  api.hold = undefined;
});

const get = (path: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${gw.url}${path}`, { headers: { cookie, 'Sec-Fetch-Site': 'same-origin', ...headers }, signal });
const ids = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',')[0]);
const profileCalls = () => api.calls.filter((c) => c.startsWith('/v3/database/7/profiles'));
/** Resolves once `check` holds; gives up (and fails the test) after two seconds. */
async function until(check: () => boolean) {
  for (const t0 = Date.now(); !check(); ) {
    if (Date.now() - t0 > 2000) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
function holdLists() {
  let release = () => {};
  api.hold = new Promise<void>((r) => {
    release = r;
  });
  return () => {
    api.hold = undefined;
    release();
  };
}

describe('CSV escaping', () => {
  it('neutralises formulas but keeps numbers, and quotes like RFC 4180', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeFormula('+31612345678')).toBe("'+31612345678");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\tx')).toBe("'\tx");
    expect(neutralizeFormula('-12')).toBe('-12');
    expect(neutralizeFormula('-0.5')).toBe('-0.5');
    expect(neutralizeFormula('plain')).toBe('plain');
    expect(quote('a,b')).toBe('"a,b"');
    expect(quote('say "hi"')).toBe('"say ""hi"""');
    expect(quote('two\nlines')).toBe('"two\nlines"');
    expect(quote(' padded')).toBe('" padded"');
    expect(headerLine(['ID', 'a,b'])).toBe('ID,"a,b"\r\n');
    expect(dataLine(['1', null, { a: 1 }, '=1+1', 'x"y'])).toBe('1,,"{""a"":1}",\'=1+1,"x""y"\r\n');
  });
});

describe('GET /export/database/:id/profiles.csv', () => {
  it('streams every profile once, in ID order, paging 1000 at a time by ID cursor, one call at a time', async () => {
    api.profiles[3] = profile(4, { note: '=HYPERLINK("http://evil")', email: 'a,b@example.org' });
    const res = await get('/export/database/7/profiles.csv?fields[]=email%3D~%25');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="database-7-profiles.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-orrery-total')).toBe('2500');
    const text = await res.text();
    expect(text).not.toContain(GOOD_TOKEN);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('ID,email,note,interests,modified');
    expect(lines[1]).toBe('1,p1@example.org,,,2026-01-01 00:00:00');
    expect(lines[4]).toBe('4,"a,b@example.org","\'=HYPERLINK(""http://evil"")",,2026-01-01 00:00:00');
    expect(ids(text)).toEqual(api.profiles.map((p) => p.ID));
    const calls = profileCalls().map((c) => new URL(c, 'http://x').searchParams);
    expect(calls.map((q) => q.getAll('fields[]'))).toEqual([
      ['email=~%', 'id>0'],
      ['email=~%', 'id>1000'],
      ['email=~%', 'id>2000'],
    ]);
    expect(calls.map((q) => [q.get('limit'), q.get('start'), q.get('orderby'), q.get('total')])).toEqual([
      ['1000', '0', 'id', 'true'],
      ['1000', '0', 'id', 'false'],
      ['1000', '0', 'id', 'false'],
    ]);
    expect(api.maxOpen).toBe(1);
  });

  it('reads every profile exactly once while profiles are added and removed during the export', async () => {
    const removedAhead = new Set<string>();
    api.beforeProfilePage = (page) => {
      if (page !== 2) return;
      // already exported: remove 300 (offsets would now skip 300 unread rows)
      api.profiles = api.profiles.filter((p) => Number(p.ID) > 300);
      // not yet exported: remove some, and add new ones at the end (new IDs are always higher)
      for (const p of api.profiles.filter((p) => Number(p.ID) % 7 === 0 && Number(p.ID) > 1000)) removedAhead.add(p.ID);
      api.profiles = api.profiles.filter((p) => !removedAhead.has(p.ID));
      for (let id = 2501; id <= 2700; id++) api.profiles.push(profile(id));
    };
    const before = api.profiles.map((p) => p.ID);
    const exported = ids(await (await get('/export/database/7/profiles.csv')).text());
    expect(new Set(exported).size).toBe(exported.length); // no duplicates
    const stayed = before.filter((id) => !removedAhead.has(id) && Number(id) > 300);
    for (const id of stayed) expect(exported).toContain(id); // nothing that stayed is skipped
    for (const id of removedAhead) expect(exported).not.toContain(id);
    expect(exported).toContain('2700');
  });

  it('pages by offset when a real field called "id" would take over the ID condition', async () => {
    api.fieldNames = ['email', 'ID'];
    try {
      const text = await (await get('/export/database/7/profiles.csv')).text();
      expect(ids(text)).toHaveLength(2500);
      const starts = profileCalls().map((c) => new URL(c, 'http://x').searchParams);
      expect(starts.map((q) => [q.get('start'), q.getAll('fields[]').length])).toEqual([
        ['0', 0],
        ['1000', 0],
        ['2000', 0],
      ]);
    } finally {
      api.fieldNames = ['email', 'note'];
    }
  });

  it('stops asking the API for pages while the client does not read (backpressure)', async () => {
    const big = 'x'.repeat(2000);
    api.profiles = Array.from({ length: 25_000 }, (_, i) => profile(i + 1, { note: big }));
    const ctrl = new AbortController();
    const res = await get('/export/database/7/profiles.csv', {}, ctrl.signal);
    const reader = res.body?.getReader();
    await reader?.read();
    // ~2 MB per page: socket buffers fill within a few pages, then the gateway waits for the reader
    await until(() => profileCalls().length >= 2);
    // settled: no new call for half a second (a page takes the fake far less)
    const settled = async () => {
      let last = -1;
      while (last !== profileCalls().length) {
        last = profileCalls().length;
        await new Promise((r) => setTimeout(r, 500));
      }
      return last;
    };
    expect(await settled()).toBeLessThan(15); // of 25 pages
    ctrl.abort();
  });

  it('a client that drops the download stops the paging at once, also mid-call', async () => {
    api.profiles = Array.from({ length: 10_000 }, (_, i) => profile(i + 1));
    const ctrl = new AbortController();
    const res = await get('/export/database/7/profiles.csv?job=drop-test-1', {}, ctrl.signal);
    const reader = res.body?.getReader();
    await reader?.read();
    const release = holdLists();
    await until(() => api.open === 1); // the next page is being asked
    const callsAtAbort = profileCalls().length;
    ctrl.abort();
    await until(() => api.dropped === 1); // the gateway hung up on the open call
    release();
    const job = await get('/export/jobs/drop-test-1', XRW);
    expect(await job.json()).toMatchObject({ state: 'cancelled' });
    expect(profileCalls()).toHaveLength(callsAtAbort);
  });

  it('Cancel from the SPA ends the download and the paging', async () => {
    api.profiles = Array.from({ length: 10_000 }, (_, i) => profile(i + 1));
    const res = await get('/export/database/7/profiles.csv?job=cancel-test-1');
    const reader = res.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    await reader.read();
    const release = holdLists();
    await until(() => api.open === 1);
    const cancel = await fetch(`${gw.url}/export/jobs/cancel-test-1/cancel`, { method: 'POST', headers: { cookie, ...XRW } });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ state: 'cancelled' });
    await until(() => api.dropped === 1);
    release();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'complete';
      })(),
    ).rejects.toThrow();
    expect(profileCalls().length).toBeLessThan(10);
  });

  it('an API failure mid-export breaks the download off instead of ending it as if complete', async () => {
    api.failProfilePage = 2;
    const res = await get('/export/database/7/profiles.csv?job=fail-test-1');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    const job = await get('/export/jobs/fail-test-1', XRW);
    expect(await job.json()).toEqual({
      rows: 1000,
      written: 1000,
      total: 2500,
      state: 'failed',
      message: 'Copernica sent an unexpected answer',
    });
  });

  it('reports progress to the session that started it, and to nobody else', async () => {
    const text = await (await get('/export/database/7/profiles.csv?job=progress-1')).text();
    expect(ids(text)).toHaveLength(2500);
    const mine = await get('/export/jobs/progress-1', XRW);
    expect(await mine.json()).toEqual({ rows: 2500, written: 2500, total: 2500, state: 'done' });
    const other = await fetch(`${gw.url}/auth/token`, {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const theirs = await fetch(`${gw.url}/export/jobs/progress-1`, { headers: { cookie: cookieFrom(other) as string, ...XRW } });
    expect(theirs.status).toBe(404);
    expect((await get('/export/jobs/progress-1')).status).toBe(403); // no X-Requested-With
  });

  it('requires a session and refuses cross-site and same-site requests, without calling the API', async () => {
    expect((await fetch(`${gw.url}/export/database/7/profiles.csv`)).status).toBe(401);
    for (const site of ['cross-site', 'same-site']) {
      const res = await get('/export/database/7/profiles.csv', { 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'navigate' });
      expect(res.status).toBe(403);
    }
    const cancel = await fetch(`${gw.url}/export/jobs/x12345678/cancel`, {
      method: 'POST',
      headers: { cookie, ...XRW, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(cancel.status).toBe(403);
    expect(api.calls).toEqual([]);
  });

  it('answers a bad id or an API error with a status before any CSV, and a rejected token ends the session', async () => {
    expect((await get('/export/database/x/profiles.csv')).status).toBe(400);
    const missing = await get('/export/database/8/profiles.csv');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: { message: 'No database with supplied ID' } });

    const other = await fetch(`${gw.url}/auth/token`, {
      method: 'POST',
      headers: { ...XRW, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: GOOD_TOKEN }),
    });
    const otherCookie = cookieFrom(other) as string;
    api.rejectToken = true;
    try {
      const res = await fetch(`${gw.url}/export/database/7/profiles.csv`, { headers: { cookie: otherCookie } });
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie().join()).toMatch(/orrery_session=;/);
    } finally {
      api.rejectToken = false;
    }
    const again = await fetch(`${gw.url}/export/database/7/profiles.csv`, { headers: { cookie: otherCookie } });
    expect(again.status).toBe(401);
  });

  it('limits how many exports one session runs at once', async () => {
    const release = holdLists();
    const ctrl = new AbortController();
    const running = [1, 2, 3].map((n) => get(`/export/database/7/profiles.csv?job=busy-test-${n}`, {}, ctrl.signal));
    await until(() => api.open === 3);
    const fourth = await get('/export/database/7/profiles.csv?job=busy-test-4');
    expect(fourth.status).toBe(429);
    ctrl.abort();
    release();
    await Promise.allSettled(running);
  });
});

describe('GET /export/collection/:id/subprofiles.csv', () => {
  it('streams the subprofiles with their profile, paging by ID cursor', async () => {
    const res = await get('/export/collection/3/subprofiles.csv?fields[]=order%3D~%23%25');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-3-subprofiles.csv"');
    const text = await res.text();
    expect(text.split('\r\n').slice(0, 2)).toEqual(['ID,profile,order,modified', '1,10,#1,2026-01-01 00:00:00']);
    expect(ids(text)).toEqual(api.profiles.map((p) => p.ID));
    const calls = api.calls.filter((c) => c.startsWith('/v3/collection/3/subprofiles')).map((c) => new URL(c, 'http://x').searchParams);
    expect(calls.map((q) => q.getAll('fields[]'))).toEqual([
      ['order=~#%', 'id>0'],
      ['order=~#%', 'id>1000'],
      ['order=~#%', 'id>2000'],
    ]);
  });
});

describe('GET /export/{publisher,ms}/…/:type.csv', () => {
  it('pages an event list by offset, writes a BOM, the first page’s columns, and filters by a property', async () => {
    api.events = Array.from({ length: 2300 }, (_, i) => ({
      ID: String(i + 1),
      timestamp: '2026-03-01 10:00:00',
      link: i % 2 ? 'https://a.example/x' : 'https://b.example/?q=1,2',
      useragent: i === 0 ? '=cmd|calc' : 'Firefox',
      report: i === 1 ? { a: 1 } : null,
    }));
    const res = await get(
      '/export/ms/emailing/5/clicks.csv?begintime=2026-03-01&matchField=link&matchValue=https%3A%2F%2Fb.example%2F%3Fq%3D1%2C2',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ms-emailing-5-clicks.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFID,timestamp,link,useragent,report');
    expect(lines[1]).toBe('1,2026-03-01 10:00:00,"https://b.example/?q=1,2",\'=cmd|calc,');
    expect(lines).toHaveLength(1 + 1150);
    const calls = api.calls.filter((c) => c.startsWith('/v3/ms/emailing/5/clicks')).map((c) => new URL(c, 'http://x').searchParams);
    expect(calls.map((q) => [q.get('start'), q.get('limit'), q.get('begintime')])).toEqual([
      ['0', '1000', '2026-03-01'],
      ['1000', '1000', '2026-03-01'],
      ['2000', '1000', '2026-03-01'],
    ]);
    const all = await (await get('/export/ms/emailing/5/clicks.csv')).text();
    expect(all.split('\r\n')[2]).toBe('2,2026-03-01 10:00:00,https://a.example/x,Firefox,"{""a"":1}"');
  });

  it('refuses unknown systems and types without calling the API', async () => {
    for (const path of [
      '/export/mx/emailing/5/clicks.csv',
      '/export/ms/emailing/5/opens.csv',
      '/export/ms/profile/5/clicks.csv',
      '/export/ms/clicks.json',
    ]) {
      expect((await get(path)).status, path).toBe(400);
    }
    expect(api.calls).toEqual([]);
  });
});
