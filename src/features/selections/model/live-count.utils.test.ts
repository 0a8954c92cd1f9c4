import { describe, expect, it } from 'vitest';
import { applyDraftAction, EMPTY_DRAFT, type SelectionDraft } from './draft.utils';
import { conditionFilter, filterKey, planCounts, sumTerms } from './live-count.utils';

const fields = [
  { ID: '1', name: 'city', type: 'text' },
  { ID: '2', name: 'points', type: 'integer' },
  { ID: '3', name: 'tier', type: 'select' },
];
const field = (props: Record<string, string | boolean>) => ({ key: 'k', type: 'Field' as const, props });

describe('conditionFilter', () => {
  it('maps the comparisons the fields filter can express', () => {
    expect(conditionFilter(field({ field: '1', comparison: 'equals', value: 'Delft' }), fields)).toBe('city==Delft');
    expect(conditionFilter(field({ field: '1', comparison: 'not contains', value: 'ft' }), fields)).toBe('city!~%ft%');
    expect(conditionFilter(field({ field: '2', comparison: 'more', value: '10' }), fields)).toBe('points>10');
    expect(conditionFilter(field({ field: '1', comparison: 'equals', value: '' }), fields)).toBe('city==');
  });

  it('refuses what the filter would read differently', () => {
    expect(conditionFilter(field({ field: '1', comparison: 'regexp', value: 'x' }), fields)).toBeNull();
    expect(conditionFilter(field({ field: '1', comparison: 'contains', value: '50%' }), fields)).toBeNull();
    expect(conditionFilter(field({ field: '1', comparison: 'equals', value: ' Delft' }), fields)).toBeNull();
    expect(conditionFilter(field({ field: '1', comparison: 'less', value: '9', 'numeric-comparison': true }), fields)).toBeNull();
    expect(conditionFilter(field({ field: '1', comparison: 'equals', 'other-field': '2' }), fields)).toBeNull();
    expect(conditionFilter(field({ field: '3', comparison: 'equals', value: 'gold' }), fields)).toBeNull();
    expect(conditionFilter({ key: 'k', type: 'Interest', props: {} }, fields)).toBeNull();
  });
});

function twoRules(): SelectionDraft {
  let d = applyDraftAction(EMPTY_DRAFT, { kind: 'addRule', conditions: [{ type: 'Field', props: { field: '1', value: 'Delft' } }] });
  d = applyDraftAction(d, { kind: 'addRule', conditions: [{ type: 'Field', props: { field: '2', comparison: 'more', value: '10' } }] });
  return d;
}

describe('planCounts', () => {
  it('counts an OR of two filterable rules by inclusion–exclusion', () => {
    const d = twoRules();
    const plan = planCounts(d, fields);
    expect(plan.view).toHaveLength(3);
    const totals = new Map([
      [filterKey(['city==Delft']), 40],
      [filterKey(['points>10']), 100],
      [filterKey(['city==Delft', 'points>10']), 15],
    ]);
    expect(sumTerms(plan.view ?? [], totals)).toBe(125);
    expect(sumTerms(plan.rules[d.rules[0]?.key as string] ?? [], totals)).toBe(40);
  });

  it('counts an OR NOT rule as base minus matches, and needs a scratch view for the union', () => {
    let d = twoRules();
    d = applyDraftAction(d, { kind: 'updateRule', rule: d.rules[1]?.key as string, patch: { inversed: true } });
    const plan = planCounts(d, fields);
    expect(plan.view).toBeNull();
    const totals = new Map([
      [filterKey([]), 1000],
      [filterKey(['points>10']), 100],
    ]);
    expect(sumTerms(plan.rules[d.rules[1]?.key as string] ?? [], totals)).toBe(900);
  });

  it('counts the whole parent when no rule is active, and needs a scratch view for other types', () => {
    expect(planCounts(EMPTY_DRAFT, fields).view).toEqual([{ sign: 1, filters: [] }]);
    const d = applyDraftAction(EMPTY_DRAFT, { kind: 'addRule', conditions: [{ type: 'Interest', props: { interest: '12' } }] });
    expect(planCounts(d, fields)).toEqual({ view: null, rules: { [d.rules[0]?.key as string]: null } });
  });
});
