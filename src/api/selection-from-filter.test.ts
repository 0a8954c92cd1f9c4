import { afterEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '@/test/render';
import {
  createSelectionFromFilter,
  isValidSelectionName,
  type SelectionFromFilterInput,
  type SelectionProgress,
} from './selection-from-filter';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const condition = (value: string) => ({ type: 'Field' as const, field: '7', comparison: 'equals', value, 'numeric-comparison': false });
const input: SelectionFromFilterInput = {
  owner: { kind: 'database', id: '1' },
  name: 'Delft_NL',
  description: 'city equals Delft',
  rules: [{ name: 'Rule 1', conditions: [condition('Delft'), condition('NL')] }],
};

/** A tiny stand-in for the API: it stores what is POSTed; `fail` may break one request after (or before) storing it. */
function fakeApi(fail?: { path: string; after: boolean; response: () => Response }) {
  const views: { ID: string; name: string }[] = [];
  const rules: { ID: string; name: string; view: string; conditions: { ID: string; value: string }[] }[] = [];
  let next = 100;
  let failed = false;
  const posts: string[] = [];
  stubFetch((url, init) => {
    const path = url.pathname.replace('/api/v3/', '');
    const method = init?.method ?? 'GET';
    if (method === 'GET') {
      if (path === 'database/1/views') return json({ start: 0, limit: 1000, count: views.length, data: views });
      const viewRules = /^view\/(\d+)\/rules$/.exec(path);
      if (viewRules) {
        const data = rules.filter((r) => r.view === viewRules[1]);
        return json({ start: 0, limit: 1000, count: data.length, data });
      }
      const rule = rules.find((r) => path === `rule/${r.ID}`);
      if (rule) return json({ ...rule, conditions: { start: 0, limit: 100, count: rule.conditions.length, data: rule.conditions } });
      return undefined;
    }
    posts.push(path);
    const breakNow = !failed && fail?.path === path;
    if (breakNow && !fail.after) {
      failed = true;
      return fail.response();
    }
    const body = JSON.parse(String(init?.body)) as Record<string, string>;
    const id = String(next++);
    if (path === 'database/1/views') views.push({ ID: id, name: body.name as string });
    else if (/^view\/\d+\/rules$/.test(path))
      rules.push({ ID: id, name: body.name as string, view: path.split('/')[1] as string, conditions: [] });
    else rules.find((r) => path === `rule/${r.ID}/conditions`)?.conditions.push({ ID: id, value: body.value as string });
    if (breakNow) {
      failed = true;
      return fail.response();
    }
    return new Response(null, { status: 201, headers: { 'X-Created': id } });
  });
  return { views, rules, posts };
}

describe('createSelectionFromFilter', () => {
  it('creates the view, its rule and the conditions, in that order', async () => {
    const server = fakeApi();
    const id = await createSelectionFromFilter(input, { rules: [] });
    expect(id).toBe('100');
    expect(server.posts).toEqual(['database/1/views', 'view/100/rules', 'rule/101/conditions', 'rule/101/conditions']);
    expect(server.rules[0]?.conditions.map((c) => c.value)).toEqual(['Delft', 'NL']);
  });

  it('after a refused condition, trying again continues: one view, one rule, each condition once', async () => {
    const server = fakeApi({
      path: 'rule/101/conditions',
      after: false,
      response: () => json({ error: { message: 'Invalid field' } }, { status: 400 }),
    });
    const progress: SelectionProgress = { rules: [] };
    await expect(createSelectionFromFilter(input, progress)).rejects.toMatchObject({ message: 'Invalid field' });
    expect(progress.selectionId).toBe('100');
    await createSelectionFromFilter(input, progress);
    expect(server.views).toHaveLength(1);
    expect(server.rules).toHaveLength(1);
    expect(server.rules[0]?.conditions.map((c) => c.value)).toEqual(['Delft', 'NL']);
  });

  it('a lost answer is looked up, not posted again', async () => {
    const server = fakeApi({ path: 'database/1/views', after: true, response: () => new Response('Bad gateway', { status: 502 }) });
    const id = await createSelectionFromFilter(input, { rules: [] });
    expect(id).toBe('100');
    expect(server.posts.filter((p) => p === 'database/1/views')).toHaveLength(1);
    expect(server.views).toHaveLength(1);
    expect(server.rules[0]?.conditions).toHaveLength(2);
  });
});

describe('createSelectionFromFilter for a collection', () => {
  it('uses the mini selection paths: miniviews, their rules, minirule conditions', async () => {
    let next = 500;
    const posts: string[] = [];
    stubFetch((url, init) => {
      const path = url.pathname.replace('/api/v3/', '');
      if ((init?.method ?? 'GET') === 'GET')
        return json(path.startsWith('minirule/') ? { ID: '0', conditions: [] } : { start: 0, limit: 1000, count: 0, data: [] });
      posts.push(path);
      return new Response(null, { status: 201, headers: { 'X-Created': String(next++) } });
    });
    const id = await createSelectionFromFilter({ ...input, owner: { kind: 'collection', id: '9' } }, { rules: [] });
    expect(id).toBe('500');
    expect(posts).toEqual(['collection/9/miniviews', 'miniview/500/rules', 'minirule/501/conditions', 'minirule/501/conditions']);
  });
});

describe('isValidSelectionName', () => {
  it('allows letters, digits, underscores and inner spaces only', () => {
    expect(isValidSelectionName('Delft NL_2')).toBe(true);
    expect(isValidSelectionName('Klanten in Zürich')).toBe(true);
    for (const bad of ['', ' lead', 'trail ', 'a/b', 'a-b']) expect(isValidSelectionName(bad), bad).toBe(false);
  });
});
