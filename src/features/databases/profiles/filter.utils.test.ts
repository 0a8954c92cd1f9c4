import { describe, expect, it } from 'vitest';
import { OPERATORS, parseExpression, quickSearchRule, toFieldsParam } from './filter.utils';
import { nextSort, parseListState, toListQuery, toSearchParams } from './list-state.utils';

const fields = [{ name: 'email' }, { name: 'age' }, { name: 'City' }];

describe('filter → fields[]', () => {
  it('maps every operator to field<op>value', () => {
    for (const op of OPERATORS) {
      expect(toFieldsParam([{ field: 'age', op, value: '18' }], fields).fields).toEqual([`age${op}18`]);
    }
  });

  it('round-trips expressions, including empty values and LIKE wildcards', () => {
    for (const expr of ['age>=18', 'city==', 'email=~%@example.org', 'age<>5', 'age!~1_', 'modified<2024-01-01 00:00:00']) {
      const rule = parseExpression(expr);
      expect(rule, expr).not.toBeNull();
      expect(toFieldsParam(rule ? [rule] : [], [...fields, { name: 'modified' }]).fields).toEqual([expr]);
    }
    expect(parseExpression('age<=5')).toEqual({ field: 'age', op: '<=', value: '5' });
    expect(parseExpression('no operator')).toBeNull();
  });

  it('drops conditions on unknown fields instead of letting the API ignore them', () => {
    const { fields: out, dropped } = toFieldsParam(
      [
        { field: 'nope', op: '==', value: 'x' },
        { field: 'city', op: '==', value: 'Delft' },
        { field: 'id', op: '>', value: '10' },
      ],
      fields,
    );
    expect(out).toEqual(['city==Delft', 'id>10']);
    expect(dropped).toEqual([{ field: 'nope', op: '==', value: 'x' }]);
  });

  it('quick search: digits look up an ID, text searches the e-mail field', () => {
    expect(quickSearchRule('4711', 'email')).toEqual({ field: 'id', op: '==', value: '4711' });
    expect(quickSearchRule('ann@', 'email')).toEqual({ field: 'email', op: '=~', value: '%ann@%' });
    expect(quickSearchRule('  ', 'email')).toBeNull();
    expect(quickSearchRule('ann', undefined)).toBeNull();
  });
});

describe('list state in the URL', () => {
  it('round-trips through search params and omits defaults', () => {
    const state = parseListState(new URLSearchParams('f=age%3E%3D18&f=city%3D%3DDelft&orderby=age&order=desc&limit=1000&start=2000&q=ann'));
    expect(state).toEqual({
      start: 2000,
      limit: 1000,
      orderby: 'age',
      order: 'desc',
      q: 'ann',
      filters: [
        { field: 'age', op: '>=', value: '18' },
        { field: 'city', op: '==', value: 'Delft' },
      ],
    });
    expect(parseListState(toSearchParams(state))).toEqual(state);
    expect(toSearchParams(parseListState(new URLSearchParams())).toString()).toBe('');
    expect(toListQuery(state, ['age>=18'])).toEqual({ start: 2000, limit: 1000, orderby: 'age', order: 'desc', fields: ['age>=18'] });
  });

  it('refuses page sizes the API cannot serve', () => {
    expect(parseListState(new URLSearchParams('limit=5000')).limit).toBe(100);
  });

  it('sorts ascending first, then descending, and returns to the first page', () => {
    const s = parseListState(new URLSearchParams('start=300'));
    const a = nextSort(s, 'age');
    expect(a).toMatchObject({ orderby: 'age', order: 'asc', start: 0 });
    expect(nextSort(a, 'age')).toMatchObject({ orderby: 'age', order: 'desc' });
  });
});
