import { describe, expect, it } from 'vitest';
import { likeToRegexp, planFromFilter } from './rule-from-filter.utils';

const fields = [
  { ID: '1', name: 'email', type: 'email', value: '' },
  { ID: '2', name: 'city', type: 'text', value: '' },
  { ID: '3', name: 'country', type: 'select', value: 'NL*\r\nBE\r\nDE' },
  { ID: '4', name: 'age', type: 'integer', value: '0' },
  { ID: '5', name: 'birthdate', type: 'date', value: '' },
  { ID: '6', name: 'score', type: 'float', value: '0' },
];

const field = (id: string, comparison: string, value: string, numeric = false) => ({
  type: 'Field',
  field: id,
  comparison,
  value,
  'numeric-comparison': numeric,
});

describe('planFromFilter: the filter as one rule of Field conditions', () => {
  it('turns AND-ed conditions into the conditions of one rule, fields by ID', () => {
    const plan = planFromFilter(
      [
        { field: 'City', op: '==', value: 'Delft' },
        { field: 'country', op: '!=', value: 'NL' },
        { field: 'country', op: '<>', value: 'BE' },
        { field: 'age', op: '>', value: ' 30 ' },
        { field: 'score', op: '<', value: '2.5' },
      ],
      fields,
    );
    expect(plan.skipped).toEqual([]);
    expect(plan.rules).toEqual([
      [
        field('2', 'equals', 'Delft'),
        field('3', 'not equals', 'NL'),
        field('3', 'not equals', 'BE'),
        field('4', 'more', '30', true),
        field('6', 'less', '2.5', true),
      ],
    ]);
    expect(plan.phrases.map((p) => p.phrase)).toEqual(['eq', 'ne', 'ne', 'gt', 'lt']);
    expect(plan.kept).toHaveLength(5);
  });

  it('says "is empty" for an empty value, which Copernica evaluates as an empty field', () => {
    const plan = planFromFilter(
      [
        { field: 'city', op: '==', value: '' },
        { field: 'country', op: '!=', value: '' },
      ],
      fields,
    );
    expect(plan.rules).toEqual([[field('2', 'equals', ''), field('3', 'not equals', '')]]);
    expect(plan.phrases.map((p) => p.phrase)).toEqual(['isEmpty', 'isNotEmpty']);
  });

  it('repeats the rule for "at most" / "at least" (less OR equals), since rules are ORed', () => {
    const plan = planFromFilter(
      [
        { field: 'city', op: '==', value: 'Delft' },
        { field: 'age', op: '>=', value: '18' },
        { field: 'age', op: '<=', value: '65' },
      ],
      fields,
    );
    expect(plan.rules).toEqual([
      [field('2', 'equals', 'Delft'), field('4', 'more', '18', true), field('4', 'less', '65', true)],
      [field('2', 'equals', 'Delft'), field('4', 'more', '18', true), field('4', 'equals', '65', true)],
      [field('2', 'equals', 'Delft'), field('4', 'equals', '18', true), field('4', 'less', '65', true)],
      [field('2', 'equals', 'Delft'), field('4', 'equals', '18', true), field('4', 'equals', '65', true)],
    ]);
  });

  it('stops repeating after three such conditions and says so', () => {
    const ranges = ['1', '2', '3', '4'].map((v) => ({ field: 'age', op: '>=' as const, value: v }));
    const plan = planFromFilter(ranges, fields);
    expect(plan.rules).toHaveLength(8);
    expect(plan.skipped).toEqual([{ rule: ranges[3], reason: 'tooManyAlternatives' }]);
  });

  it('turns LIKE %text% into contains / not contains, other patterns into an anchored regexp', () => {
    const plan = planFromFilter(
      [
        { field: 'email', op: '=~', value: '%@example.org%' },
        { field: 'city', op: '!~', value: '%dam%' },
        { field: 'city', op: '=~', value: 'Del_t%' },
      ],
      fields,
    );
    expect(plan.rules).toEqual([
      [field('1', 'contains', '@example.org'), field('2', 'not contains', 'dam'), field('2', 'regexp', '^Del.t.*$')],
    ]);
    expect(likeToRegexp('a.b(c)%')).toBe('^a\\.b\\(c\\).*$');
  });

  it('names everything it cannot reproduce, with the reason', () => {
    const filter = [
      { field: 'id', op: '==', value: '12' },
      { field: 'nope', op: '==', value: 'x' },
      { field: 'age', op: '==', value: 'old' },
      { field: 'birthdate', op: '<', value: '1 Jan 2000' },
      { field: 'country', op: '==', value: 'nl' },
      { field: 'age', op: '=~', value: '1%' },
      { field: 'city', op: '!~', value: 'D%' },
    ] as const;
    const plan = planFromFilter(filter, fields);
    expect(plan.rules).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'specialName',
      'unknownField',
      'notANumber',
      'dateFormat',
      'choiceCase',
      'likeOnNumberOrDate',
      'notLikePattern',
    ]);
  });

  it('keeps dates written as the API writes them', () => {
    const plan = planFromFilter([{ field: 'birthdate', op: '>', value: '2000-01-31' }], fields);
    expect(plan.rules).toEqual([[field('5', 'more', '2000-01-31')]]);
  });
});
