import { describe, expect, it } from 'vitest';
import { stepRequest } from '@/api/selection-writes';
import type { ApiRule } from '@/api/selections';
import { applyDraftAction, draftFromApi, type SelectionDraft } from './draft.utils';
import { assignIds, createConditionBody, planSave } from './save-plan.utils';

// A saved view as GET view/$id/rules returns it (docs/api/selections.md §2.3): references as objects, unset as false.
const savedRules: ApiRule[] = [
  {
    ID: '901',
    name: 'Delft',
    view: '512',
    inversed: false,
    disabled: false,
    conditions: {
      start: 0,
      limit: 100,
      count: 2,
      total: 2,
      data: [
        {
          ID: '3301',
          type: 'Field',
          rule: '901',
          comparison: 'equals',
          field: { ID: '61', name: 'city' },
          value: 'Delft',
          'other-field': false,
          'numeric-comparison': false,
        },
        {
          ID: '3302',
          type: 'Interest',
          rule: '901',
          'match-mode': 'match_profiles_with_interest',
          interest: { ID: '12', name: 'golf' },
          'interest-group': false,
        },
      ],
    },
  },
  {
    ID: '902',
    name: 'Old',
    view: '512',
    inverted: true,
    disabled: false,
    conditions: { start: 0, limit: 100, count: 0, total: 0, data: [] },
  },
];

const saved = draftFromApi(savedRules);
const rule = (d: SelectionDraft, i: number) => d.rules[i]?.key as string;
const cond = (d: SelectionDraft, i: number, j: number) => d.rules[i]?.conditions[j]?.key as string;

describe('draftFromApi', () => {
  it('reads references as IDs, unset references as empty and both inverse spellings', () => {
    expect(saved.rules[0]?.conditions[0]?.props).toMatchObject({
      field: '61',
      value: 'Delft',
      'other-field': '',
      'numeric-comparison': false,
    });
    expect(saved.rules[0]?.conditions[1]?.props.interest).toBe('12');
    expect(saved.rules[1]?.inversed).toBe(true);
  });
});

describe('planSave', () => {
  it('plans nothing for an unchanged draft', () => {
    expect(planSave(saved, draftFromApi(savedRules))).toEqual([]);
  });

  it('sends one PUT with only the changed property of a condition', () => {
    const draft = applyDraftAction(saved, {
      kind: 'updateCondition',
      rule: rule(saved, 0),
      condition: cond(saved, 0, 0),
      patch: { value: 'Leiden' },
    });
    const plan = planSave(saved, draft);
    expect(plan).toEqual([{ op: 'updateCondition', conditionId: '3301', type: 'Field', ruleName: 'Delft', body: { value: 'Leiden' } }]);
    expect(stepRequest('view', '512', plan[0] as never, new Map())).toEqual({
      method: 'PUT',
      path: 'condition/Field/3301',
      body: { value: 'Leiden' },
    });
  });

  it('sends one PUT for a rule flag and uses minirule paths for miniviews', () => {
    const draft = applyDraftAction(saved, { kind: 'updateRule', rule: rule(saved, 0), patch: { disabled: true } });
    const plan = planSave(saved, draft);
    expect(plan).toEqual([{ op: 'updateRule', ruleId: '901', name: 'Delft', body: { disabled: true } }]);
    expect(stepRequest('miniview', '77', plan[0] as never, new Map()).path).toBe('minirule/901');
  });

  it('deletes a removed rule with one call, not its conditions one by one', () => {
    const draft = applyDraftAction(saved, { kind: 'removeRule', rule: rule(saved, 0) });
    expect(planSave(saved, draft)).toEqual([{ op: 'deleteRule', ruleId: '901', name: 'Delft' }]);
  });

  it('creates a new rule, then its conditions against the ID the API returns', () => {
    const draft = applyDraftAction(saved, {
      kind: 'addRule',
      name: 'Birthday',
      conditions: [{ type: 'Date', props: { field: '70', 'compare-mode': 'ignoreyear', 'after-mutation': '["minus","0","day","day"]' } }],
    });
    const plan = planSave(saved, draft);
    expect(plan.map((s) => s.op)).toEqual(['createRule', 'createCondition']);
    const [createRule, createCondition] = plan;
    if (createRule?.op !== 'createRule' || createCondition?.op !== 'createCondition') throw new Error('unexpected plan');
    expect(stepRequest('view', '512', createRule, new Map())).toEqual({
      method: 'POST',
      path: 'view/512/rules',
      body: { name: 'Birthday', inversed: false, disabled: false },
    });
    expect(() => stepRequest('view', '512', createCondition, new Map())).toThrow(/Birthday/);
    const req = stepRequest('view', '512', createCondition, new Map([[createRule.ruleKey, '990']]));
    expect(req).toEqual({
      method: 'POST',
      path: 'rule/990/conditions',
      body: { type: 'Date', field: '70', 'compare-mode': 'ignoreyear', 'after-mutation': '["minus","0","day","day"]' },
    });
  });

  it('turns a type change into DELETE + POST, deletes first', () => {
    const draft = applyDraftAction(saved, {
      kind: 'changeConditionType',
      rule: rule(saved, 0),
      condition: cond(saved, 0, 1),
      type: 'ReferView',
    });
    const withView = applyDraftAction(draft, {
      kind: 'updateCondition',
      rule: rule(saved, 0),
      condition: cond(saved, 0, 1),
      patch: { 'refer-view': '530' },
    });
    const plan = planSave(saved, withView);
    expect(plan.map((s) => s.op)).toEqual(['deleteCondition', 'createCondition']);
    expect(stepRequest('view', '512', plan[0] as never, new Map()).path).toBe('condition/Interest/3302');
    expect(plan[1]).toMatchObject({ rule: { id: '901' }, body: { type: 'ReferView', 'refer-view': '530', 'check-type': 'yes' } });
  });

  it('clears a property that no longer applies and never sends hidden ones', () => {
    const draft = applyDraftAction(saved, {
      kind: 'updateCondition',
      rule: rule(saved, 0),
      condition: cond(saved, 0, 0),
      patch: { comparison: 'is_email' },
    });
    // `value` is hidden for is_email: it is cleared, not kept.
    expect(planSave(saved, draft)[0]).toMatchObject({ body: { comparison: 'is_email', value: '' } });
    expect(createConditionBody({ type: 'Field', props: { field: '1', comparison: 'is_email', value: 'x' } })).toEqual({
      type: 'Field',
      field: '1',
      comparison: 'is_email',
    });
  });

  it('sends field lists in the documented string form', () => {
    expect(
      createConditionBody({ type: 'DoubleField', props: { fields: ['firstname', 'lastname'], 'match-mode': 'match_repeated_profiles' } }),
    ).toEqual({
      type: 'DoubleField',
      fields: '[firstname, lastname]',
      'match-mode': 'match_repeated_profiles',
    });
  });

  it('after a partial save, assigned IDs make a retry skip what already exists', () => {
    const draft = applyDraftAction(saved, {
      kind: 'addRule',
      name: 'New',
      conditions: [{ type: 'Field', props: { field: '61', value: 'x' } }],
    });
    const newRule = draft.rules[2];
    if (!newRule) throw new Error('no rule');
    const withIds = assignIds(draft, new Map([[newRule.key, '995']]), new Map());
    // The server now has rule 995 without conditions: only the condition remains to be created.
    const serverNow = draftFromApi([
      ...savedRules,
      { ID: '995', name: 'New', view: '512', inversed: false, disabled: false, conditions: [] },
    ]);
    const plan = planSave(serverNow, withIds);
    expect(plan.map((s) => s.op)).toEqual(['createCondition']);
    expect(plan[0]).toMatchObject({ rule: { id: '995' } });
  });
});
