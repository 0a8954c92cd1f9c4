import { describe, expect, it } from 'vitest';
import { fromInputValue, inputKind, invalidReason, selectChoices, toInputValue } from './field-values.utils';

describe('field values', () => {
  it('picks an input per type', () => {
    expect(inputKind('empty_datetime')).toBe('datetime');
    expect(inputKind('foreign_key')).toBe('integer');
    expect(inputKind('phone_gsm')).toBe('phone');
    expect(inputKind('whatever')).toBe('text');
  });

  it('reads select choices and the * default', () => {
    expect(selectChoices('A\r\nB*\r\nC')).toEqual({ choices: ['A', 'B', 'C'], defaultChoice: 'B' });
  });

  it('converts dates between the wire and native inputs', () => {
    expect(toInputValue('date', '0000-00-00')).toBe('');
    expect(toInputValue('datetime', '2024-03-01 14:05:00')).toBe('2024-03-01T14:05:00');
    expect(fromInputValue('datetime', '2024-03-01T14:05')).toBe('2024-03-01 14:05:00');
  });

  it('flags values the API would silently coerce', () => {
    expect(invalidReason({ type: 'integer', value: '0' }, '12x')).toBe('notInteger');
    expect(invalidReason({ type: 'integer', value: '0' }, '-12')).toBeNull();
    expect(invalidReason({ type: 'float', value: '0' }, '2.5')).toBeNull();
    expect(invalidReason({ type: 'date', value: '' }, '2024-13-45')).toBe('notDate');
    expect(invalidReason({ type: 'email', value: '' }, 'not-an-email')).toBe('notEmail');
    expect(invalidReason({ type: 'select', value: 'A\nB' }, 'a')).toBe('notAChoice');
    expect(invalidReason({ type: 'text', value: '' }, 'anything')).toBeNull();
    expect(invalidReason({ type: 'integer', value: '0' }, '')).toBeNull();
  });
});
