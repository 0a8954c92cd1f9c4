import { describe, expect, it } from 'vitest';
import { conditionLabels } from '../condition-labels';
import { TYPE_SPECS } from './condition-catalog';
import { createConditionBody } from './save-plan.utils';
import { describeSelection, type NameLookup } from './sentence.utils';
import { initialSlotValues, missingFieldKinds, TEMPLATES, templateDraft, unfilledSlots } from './templates.utils';
import { validateDraft } from './validate.utils';

const fields = [
  { ID: '1', name: 'email', type: 'email' },
  { ID: '2', name: 'birthdate', type: 'empty_date' },
  { ID: '3', name: 'loyalty_points', type: 'integer' },
];
const names: NameLookup = {
  field: (ref) => fields.find((f) => f.ID === ref)?.name ?? ref,
  interest: (ref) => ref,
  view: (ref) => ref,
  miniview: (ref) => (ref === '9' ? 'Big orders' : ref),
};
const filled = { document: 'Spring sale', link: 'example.com/shoes', miniview: '9' };
const template = (id: string) => TEMPLATES.find((t) => t.id === id) as (typeof TEMPLATES)[number];

describe('selection templates', () => {
  it('offers at least eight, each a valid draft of documented condition types once filled in', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(8);
    for (const t of TEMPLATES) {
      const values = { ...initialSlotValues(t, fields), ...filled };
      expect(unfilledSlots(t, values), t.id).toEqual([]);
      const draft = templateDraft(t, values);
      expect(validateDraft(draft, fields).count, t.id).toBe(0);
      for (const c of draft.rules.flatMap((r) => r.conditions)) expect(TYPE_SPECS[c.type], `${t.id} ${c.type}`).toBeDefined();
    }
  });

  it('picks the database’s own fields and says which kind of field is missing', () => {
    expect(initialSlotValues(template('birthdayToday'), fields)).toEqual({ field: '2' });
    expect(initialSlotValues(template('topN'), fields)).toEqual({ field: '3', count: '100' });
    const newsletter = [{ ID: '7', name: 'email', type: 'email' }];
    expect(missingFieldKinds(template('topN'), newsletter)).toEqual(['numberField']);
    expect(missingFieldKinds(template('birthdayWeek'), newsletter)).toEqual(['dateField']);
    expect(missingFieldKinds(template('validEmail'), newsletter)).toEqual([]);
  });

  it('asks for what is still empty or not a whole number', () => {
    expect(unfilledSlots(template('engaged'), { days: '' })).toEqual(['days']);
    expect(unfilledSlots(template('engaged'), { days: '3x' })).toEqual(['days']);
    expect(unfilledSlots(template('topN'), { field: '3', count: '0' })).toEqual(['count']);
    expect(unfilledSlots(template('clickedLink'), { document: 'Spring sale', link: '' })).toEqual(['link']);
  });

  it('builds the documented conditions: engaged = opened OR clicked within the window', () => {
    const draft = templateDraft(template('engaged'), { days: '30' });
    expect(draft.rules.map((r) => r.conditions.map(createConditionBody))).toEqual([
      [
        {
          type: 'Email',
          'match-mode': 'match_profiles_that_received_something',
          'required-result': 'view',
          'after-mutation': '["minus","30","day","day"]',
          operator: '>',
          number: '0',
          'required-destination': 'profile',
        },
      ],
      [
        {
          type: 'Email',
          'match-mode': 'match_profiles_that_received_something',
          'required-result': 'anyclick',
          'after-mutation': '["minus","30","day","day"]',
          operator: '>',
          number: '0',
          'required-destination': 'profile',
        },
      ],
    ]);
  });

  it('builds lapsed, birthday, top N and never opened as documented', () => {
    const lapsed = templateDraft(template('lapsed'), { days: '90' }).rules[0]?.conditions.map((c) => c.props);
    expect(lapsed).toMatchObject([
      {
        'match-mode': 'match_profiles_that_received_something',
        'required-result': 'view',
        'before-mutation': '["minus","90","day","day"]',
      },
      {
        'match-mode': 'match_profiles_that_received_something',
        'required-result': 'view',
        operator: '=',
        number: '0',
        'after-mutation': '["minus","90","day","day"]',
      },
    ]);
    expect(templateDraft(template('birthdayToday'), { field: '2' }).rules[0]?.conditions[0]?.props).toMatchObject({
      field: '2',
      'compare-mode': 'ignoreyear',
      'after-mutation': '["minus","0","day","day"]',
      'before-mutation': '["minus","0","day","day"]',
    });
    expect(templateDraft(template('topN'), { field: '3', count: '25' }).rules[0]?.conditions[0]?.props).toMatchObject({
      fields: ['3'],
      begin: '-0',
      length: '25',
    });
    expect(templateDraft(template('notOpened'), { document: 'Spring sale' }).rules[0]?.conditions.map((c) => c.props)).toMatchObject([
      { 'match-mode': 'match_profiles_that_received_document', document: 'Spring sale', 'required-result': 'nocheck' },
      {
        'match-mode': 'match_profiles_that_received_document',
        document: 'Spring sale',
        'required-result': 'view',
        operator: '=',
        number: '0',
      },
    ]);
  });

  it('reads as a sentence in both languages', () => {
    const draft = templateDraft(template('hasSubprofiles'), { miniview: '9' });
    const opts = { labels: conditionLabels('en'), names, subprofiles: false, parentName: 'Customers' };
    expect(describeSelection(draft, { ...opts, lang: 'en' })).toBe(
      'Profiles where has 1 to 999 subprofiles in mini selection “Big orders”.',
    );
    expect(describeSelection(draft, { ...opts, labels: conditionLabels('nl'), lang: 'nl' })).toBe(
      'Profielen waarvoor geldt: heeft 1 tot 999 subprofielen in miniselectie “Big orders”.',
    );
  });
});
