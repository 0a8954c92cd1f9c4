import { describe, expect, it } from 'vitest';
import { conditionLabels } from '../condition-labels';
import { applyDraftAction, EMPTY_DRAFT } from './draft.utils';
import { draftFromConditionParam } from './prefill.utils';
import { createConditionBody } from './save-plan.utils';
import { describeSelection } from './sentence.utils';
import { TIME_PRESETS } from './time-window.utils';

const names = {
  field: (r: string) => ({ '1': 'city', '2': 'birthdate' })[r] ?? r,
  interest: (r: string) => ({ '10': 'golf' })[r] ?? r,
  view: (r: string) => r,
  miniview: (r: string) => ({ '77': 'Big orders' })[r] ?? r,
};

function example() {
  let d = applyDraftAction(EMPTY_DRAFT, {
    kind: 'addRule',
    conditions: [
      { type: 'Field', props: { field: '1', comparison: 'equals', value: 'Delft' } },
      {
        type: 'Email',
        props: { 'match-mode': 'match_profiles_that_received_document', document: 'Spring sale', 'required-result': 'anyclick' },
      },
    ],
  });
  d = applyDraftAction(d, {
    kind: 'addRule',
    conditions: [{ type: 'Interest', props: { 'match-mode': 'match_profiles_with_interest', interest: '10' } }],
  });
  return applyDraftAction(d, { kind: 'updateRule', rule: d.rules[1]?.key as string, patch: { inversed: true } });
}

describe('describeSelection', () => {
  it('says the selection in English and in Dutch, with names instead of IDs', () => {
    const opts = { names, subprofiles: false, parentName: 'Customers' };
    expect(describeSelection(example(), { ...opts, lang: 'en', labels: conditionLabels('en') })).toBe(
      'Profiles where (city is “Delft” and E-mail results: received the document “Spring sale”, clicked any link) or not (has the interest “golf”).',
    );
    expect(describeSelection(example(), { ...opts, lang: 'nl', labels: conditionLabels('nl') })).toBe(
      'Profielen waarvoor geldt: (city is “Delft” en E-mailresultaten: heeft het document ontvangen “Spring sale”, op een link geklikt) of niet (heeft de interesse “golf”).',
    );
  });

  it('describes a birthday and an empty selection', () => {
    const d = applyDraftAction(EMPTY_DRAFT, {
      kind: 'addRule',
      conditions: [{ type: 'Date', props: { field: '2', 'compare-mode': 'ignoreyear', ...TIME_PRESETS.today } }],
    });
    expect(describeSelection(d, { names, subprofiles: false, parentName: 'Customers', lang: 'en', labels: conditionLabels('en') })).toBe(
      'Profiles where birthdate (ignoring the year) today.',
    );
    expect(
      describeSelection(EMPTY_DRAFT, { names, subprofiles: true, parentName: 'Orders', lang: 'nl', labels: conditionLabels('nl') }),
    ).toBe('Alle subprofielen van Orders.');
  });
});

describe('draftFromConditionParam', () => {
  it('opens a draft with one rule holding the linked Email condition, ready to POST unchanged', () => {
    const condition = {
      type: 'Email',
      'match-mode': 'match_profiles_that_received_document',
      document: 'Spring sale',
      'required-result': 'clickonurl',
      'clicked-url': 'https://shop.example.com/spring',
    };
    const d = draftFromConditionParam(JSON.stringify(condition), 'Rule 1');
    expect(d?.rules).toHaveLength(1);
    const c = d?.rules[0]?.conditions[0];
    expect(c?.type).toBe('Email');
    expect(createConditionBody(c as never)).toMatchObject(condition);
  });

  it('ignores what is not a condition', () => {
    expect(draftFromConditionParam('{"type":"Nope"}', 'R')).toBeNull();
    expect(draftFromConditionParam('not json', 'R')).toBeNull();
    expect(draftFromConditionParam(null, 'R')).toBeNull();
  });
});
