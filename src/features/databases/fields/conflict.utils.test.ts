import { describe, expect, it } from 'vitest';
import { changedFields, conflictRows } from './conflict.utils';

describe('conflict check', () => {
  const base = { email: 'a@x.nl', city: 'Delft', age: '40' };

  it('sends only what the user changed', () => {
    expect(changedFields(base, { ...base, city: 'Leiden' })).toEqual({ city: 'Leiden' });
    expect(changedFields(base, base)).toEqual({});
  });

  it('lists fields changed on either side and marks real clashes', () => {
    const mine = { ...base, city: 'Leiden', age: '41' };
    const theirs = { ...base, city: 'Gouda', email: 'b@x.nl', age: '41' };
    expect(conflictRows(base, mine, theirs)).toEqual([
      { field: 'email', base: 'a@x.nl', mine: 'a@x.nl', theirs: 'b@x.nl', clash: false },
      { field: 'city', base: 'Delft', mine: 'Leiden', theirs: 'Gouda', clash: true },
      { field: 'age', base: '40', mine: '41', theirs: '41', clash: false },
    ]);
  });
});
