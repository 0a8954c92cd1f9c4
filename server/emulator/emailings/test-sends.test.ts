// The Publisher list's `test` parameter (restv3/rest-get-publisher-emailings.md: `yes` only test mailings,
// `no` only mailings that were not a test, `both` all, the default).
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmulator } from '../testing/emailings.ts';

let emu: ReturnType<typeof demoEmulator>;
const ids = async (query: Record<string, string>) => {
  const r = await emu.get('publisher/emailings', query);
  expect(r.status).toBe(200);
  return (r.json.data as { id: string; description: string }[]).map((e) => e.id);
};

beforeAll(() => {
  emu = demoEmulator(200);
});

describe('GET /publisher/emailings?test=', () => {
  it('yes lists only the test send, no everything else, both and the default all of them', async () => {
    const all = await ids({});
    const tests = await ids({ test: 'yes' });
    const normal = await ids({ test: 'no' });
    expect(tests.length).toBe(1);
    expect(normal.length).toBe(all.length - 1);
    expect([...tests, ...normal].sort()).toEqual([...all].sort());
    expect(await ids({ test: 'both' })).toEqual(all);
    const [testSend] = (await emu.get(`publisher/emailing/${tests[0]}`)).json.description.match(/Test send/) ?? [];
    expect(testSend).toBe('Test send');
  });

  it('counts `total` and pages over the filtered list', async () => {
    const r = await emu.get('publisher/emailings', { test: 'no', limit: '2' });
    expect(r.json.total).toBe((await ids({ test: 'no' })).length);
    expect(r.json.count).toBe(2);
  });

  it('the Marketing Suite list has no `test` parameter: it changes nothing there', async () => {
    const all = (await emu.get('ms/emailings')).json.total;
    expect((await emu.get('ms/emailings', { test: 'no' })).json.total).toBe(all);
  });
});
