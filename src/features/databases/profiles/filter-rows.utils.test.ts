import { describe, expect, it } from 'vitest';
import { allowsSeveral, blankRow, rowsFromRules, rulesFromRows } from './filter-rows.utils';

const fields = [
  { name: 'email', type: 'email', value: '' },
  { name: 'city', type: 'text', value: '' },
  { name: 'country', type: 'select', value: 'NL*\r\nBE\r\nDE' },
];

describe('filter rows', () => {
  it('a blank row is unfinished and adds no condition (it used to filter on "email is empty")', () => {
    const { rules, unfinished } = rulesFromRows([{ field: 'city', op: '==', values: ['Delft'] }, blankRow('email')], fields);
    expect(rules).toEqual([{ field: 'city', op: '==', value: 'Delft' }]);
    expect([...unfinished]).toEqual([[1, 'noValue']]);
  });

  it('only the "is empty" operators filter on empty fields', () => {
    const { rules, unfinished } = rulesFromRows(
      [
        { field: 'city', op: 'empty', values: [] },
        { field: 'country', op: 'notEmpty', values: [] },
        { field: 'city', op: '!=', values: ['  '] },
      ],
      fields,
    );
    expect(rules).toEqual([
      { field: 'city', op: '==', value: '' },
      { field: 'country', op: '!=', value: '' },
    ]);
    expect([...unfinished]).toEqual([[2, 'noValue']]);
  });

  it('a choice field takes only its own choices, several for "does not equal"', () => {
    expect(allowsSeveral('!=', fields[2])).toBe(true);
    expect(allowsSeveral('==', fields[2])).toBe(false);
    expect(allowsSeveral('!=', fields[1])).toBe(false);
    const { rules, unfinished } = rulesFromRows(
      [
        { field: 'country', op: '!=', values: ['NL', 'BE'] },
        { field: 'country', op: '==', values: ['nl'] },
        { field: 'country', op: '=~', values: ['%E%'] },
      ],
      fields,
    );
    expect(rules).toEqual([
      { field: 'country', op: '!=', value: 'NL' },
      { field: 'country', op: '!=', value: 'BE' },
      { field: 'country', op: '=~', value: '%E%' },
    ]);
    expect([...unfinished]).toEqual([[1, 'notAChoice']]);
  });

  it('reads the URL back into the same rows', () => {
    const rows = [
      { field: 'country', op: '!=' as const, values: ['NL', 'BE'] },
      { field: 'city', op: 'empty' as const, values: [] },
      { field: 'city', op: '!=' as const, values: ['Delft'] },
      { field: 'city', op: '!=' as const, values: ['Gouda'] },
      { field: 'email', op: 'notEmpty' as const, values: [] },
    ];
    expect(rowsFromRules(rulesFromRows(rows, fields).rules, fields)).toEqual(rows);
  });
});
