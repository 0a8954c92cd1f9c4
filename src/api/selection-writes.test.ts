import { afterEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '@/test/render';
import { runSelectionWrites, SelectionWriteError, type WriteStep } from './selection-writes';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const created = (id: string) => new Response(null, { status: 201, headers: { 'X-Created': id } });
const plan: WriteStep[] = [
  { op: 'deleteRule', ruleId: '7' },
  { op: 'createRule', ruleKey: 'r1', body: { name: 'Delft' } },
  { op: 'createCondition', rule: { key: 'r1' }, conditionKey: 'c1', ruleName: 'Delft', body: { type: 'Field', field: 'city' } },
];

describe('runSelectionWrites', () => {
  it('creates the selection, then runs the plan in order, conditions against the new rule ID', async () => {
    let next = 500;
    const calls = stubFetch((_url, init) => (init?.method === 'POST' ? created(String(next++)) : json({})));
    const progress: number[] = [];
    const outcome = await runSelectionWrites(
      { scope: 'view', createIn: { kind: 'database', id: '1' }, settings: { name: 'Delft' }, plan: plan.slice(1) },
      (done, total) => progress.push(done / total),
    );
    expect(calls.map((c) => `${c.init?.method} ${c.url.pathname}`)).toEqual([
      'POST /api/v3/database/1/views',
      'POST /api/v3/view/500/rules',
      'POST /api/v3/rule/501/conditions',
    ]);
    expect(outcome).toEqual({ selectionId: '500', ruleIds: new Map([['r1', '501']]), conditionIds: new Map([['c1', '502']]) });
    expect(progress.at(-1)).toBe(1);
  });

  it('uses the miniview paths for a miniview and sends independent calls together when asked', async () => {
    let next = 900;
    const calls = stubFetch((_url, init) => (init?.method === 'POST' ? created(String(next++)) : json({})));
    await runSelectionWrites({ scope: 'miniview', selectionId: '77', plan, concurrent: true });
    expect(calls.map((c) => `${c.init?.method} ${c.url.pathname}`)).toEqual([
      'DELETE /api/v3/minirule/7',
      'POST /api/v3/miniview/77/rules',
      'POST /api/v3/minirule/900/conditions',
    ]);
  });

  it('names the failed step and reports what was written before it', async () => {
    stubFetch((url) =>
      url.pathname.endsWith('/conditions') ? json({ error: { message: 'Invalid data' } }, { status: 400 }) : created('600'),
    );
    const error = await runSelectionWrites({ scope: 'view', selectionId: '5', plan: plan.slice(1) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelectionWriteError);
    const failure = error as SelectionWriteError;
    expect(failure.failed).toEqual({ kind: 'step', step: plan[2] });
    expect(failure.message).toBe('Invalid data');
    expect(failure.outcome.ruleIds).toEqual(new Map([['r1', '600']]));
  });
});
