import { describe, expect, it } from 'vitest';
import { applyDraftAction, EMPTY_DRAFT, type SelectionDraft } from './draft.utils';
import { explain } from './explain.utils';
import { TIME_PRESETS } from './time-window.utils';

const ctx = {
  fields: [
    { ID: '1', name: 'city', type: 'text' },
    { ID: '2', name: 'birthdate', type: 'date' },
    { ID: '3', name: 'points', type: 'integer' },
  ],
  interests: [
    { ID: '10', name: 'golf', group: 'sports' },
    { ID: '11', name: 'chess', group: 'games' },
  ],
  now: new Date(2024, 2, 5, 14, 30),
};
const ann = { ID: '7', fields: { city: 'Delft', birthdate: '1983-03-05', points: '120' }, interests: ['golf'] };
const bob = { ID: '8', fields: { city: 'Leiden', birthdate: '1990-07-01', points: '99' }, interests: [] };

function oneRule(conditions: Parameters<typeof applyDraftAction>[1] & { kind: 'addRule' }): SelectionDraft {
  return applyDraftAction(EMPTY_DRAFT, conditions);
}

describe('explain', () => {
  it('decides a field condition case-insensitively and reports the deciding value', () => {
    const d = oneRule({ kind: 'addRule', conditions: [{ type: 'Field', props: { field: '1', comparison: 'equals', value: 'delft' } }] });
    const e = explain(d, ann, ctx);
    expect(e.verdict).toBe(true);
    expect(e.rules[0]?.conditions[0]).toMatchObject({ verdict: true, field: 'city', value: 'Delft' });
    expect(explain(d, bob, ctx).verdict).toBe(false);
  });

  it('compares integer fields numerically', () => {
    const d = oneRule({ kind: 'addRule', conditions: [{ type: 'Field', props: { field: '3', comparison: 'more', value: '100' } }] });
    expect(explain(d, ann, ctx).verdict).toBe(true); // "120" > "100" also as text, so check the other side:
    expect(explain(d, bob, ctx).verdict).toBe(false); // "99" > "100" as text would be true
  });

  it('finds birthdays with the today preset, ignoring the year', () => {
    const d = oneRule({
      kind: 'addRule',
      conditions: [{ type: 'Date', props: { field: '2', 'compare-mode': 'ignoreyear', ...TIME_PRESETS.today } }],
    });
    expect(explain(d, ann, ctx).verdict).toBe(true);
    expect(explain(d, bob, ctx).verdict).toBe(false);
  });

  it('ORs rules, inverts an OR NOT rule, and ignores disabled rules', () => {
    let d = oneRule({
      kind: 'addRule',
      conditions: [{ type: 'Interest', props: { 'match-mode': 'match_profiles_with_interest', interest: '10' } }],
    });
    expect(explain(d, bob, ctx).verdict).toBe(false);
    d = applyDraftAction(d, { kind: 'updateRule', rule: d.rules[0]?.key as string, patch: { inversed: true } });
    expect(explain(d, bob, ctx).verdict).toBe(true);
    expect(explain(d, ann, ctx).verdict).toBe(false);
    d = applyDraftAction(d, { kind: 'updateRule', rule: d.rules[0]?.key as string, patch: { disabled: true } });
    // No active rule: every profile of the parent.
    expect(explain(d, ann, ctx).verdict).toBe(true);
  });

  it('says "unknown" for types it cannot evaluate, unless another condition already rules the profile out', () => {
    const d = oneRule({
      kind: 'addRule',
      conditions: [
        { type: 'Email', props: { 'match-mode': 'match_profiles_that_received_something' } },
        { type: 'Field', props: { field: '1', comparison: 'equals', value: 'Delft' } },
      ],
    });
    expect(explain(d, ann, ctx).verdict).toBeNull();
    expect(explain(d, bob, ctx).verdict).toBe(false);
  });

  it('marks the rule and the condition that decided it', () => {
    const city = { type: 'Field' as const, props: { field: '1', comparison: 'equals', value: 'Delft' } };
    const points = { type: 'Field' as const, props: { field: '3', comparison: 'more', value: '100' } };
    const golf = { type: 'Interest' as const, props: { 'match-mode': 'match_profiles_with_interest', interest: '10' } };
    let d = applyDraftAction(EMPTY_DRAFT, { kind: 'addRule', conditions: [city, points] });
    d = applyDraftAction(d, { kind: 'addRule', conditions: [golf] });

    // In: the first matching rule decided it, through all of its conditions; the second rule did not matter.
    const inside = explain(d, ann, ctx);
    expect(inside.rules.map((r) => r.decisive ?? false)).toEqual([true, false]);
    expect(inside.rules[0]?.conditions.map((c) => c.decisive)).toEqual([true, true]);

    // Out: every rule decided it, each through its first failing condition, with the profile's own value.
    const outside = explain(d, bob, ctx);
    expect(outside.verdict).toBe(false);
    expect(outside.rules.map((r) => r.decisive)).toEqual([true, true]);
    expect(outside.rules[0]?.conditions.map((c) => c.decisive)).toEqual([true, false]);
    expect(outside.rules[0]?.conditions[0]).toMatchObject({ field: 'city', value: 'Leiden' });
    expect(outside.rules[1]?.conditions[0]).toMatchObject({ decisive: true, verdict: false });
  });
});
