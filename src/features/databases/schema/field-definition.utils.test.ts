import { describe, expect, it } from 'vitest';
import { draftFrom, fieldNameProblem, toFieldPayload } from './field-definition.utils';

describe('field definitions', () => {
  it('checks names as the API documents them', () => {
    expect(fieldNameProblem('first_name', [])).toBeNull();
    expect(fieldNameProblem('1st', [])).toBe('nameRule');
    expect(fieldNameProblem('ID', [])).toBe('nameRule');
    expect(fieldNameProblem('Email', [{ name: 'email' }])).toBe('duplicate');
  });

  it('sends the properties each type uses', () => {
    const big = toFieldPayload({ ...draftFrom(), name: 'notes', type: 'big', index: true });
    expect(big).toMatchObject({ type: 'big', index: false, textlines: '1' });
    expect(big).not.toHaveProperty('length');
    expect(toFieldPayload({ ...draftFrom(), name: 'age', type: 'integer', value: '' })).toMatchObject({ value: '0' });
    expect(toFieldPayload({ ...draftFrom(), name: 'level', type: 'select', value: 'gold\n\nsilver* \n' })).toMatchObject({
      value: 'gold\nsilver*',
      length: '255',
    });
  });
});
