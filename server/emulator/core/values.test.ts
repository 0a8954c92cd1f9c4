import { describe, expect, it } from 'vitest';
import { normalizeValue } from './values.ts';

const now = new Date('2026-03-10T11:00:00Z'); // 12:00 in Amsterdam
const f = (type: string, value = '', length = 255) => ({ type, value, length }) as Parameters<typeof normalizeValue>[0];

describe('value coercion (docs/api/databases.md §2.3)', () => {
  it('casts integers and floats the PHP way', () => {
    const cases: [unknown, number][] = [
      [' 3 ', 3],
      ['abc', 0],
      ['true', 0],
      [true, 1],
      [2.99, 2],
      [-2.99, -2],
      [[], 0],
      [[1], 1],
      [null, 0],
      ['', 0],
    ];
    for (const [input, out] of cases) expect(normalizeValue(f('integer'), input, now)).toBe(out);
    expect(normalizeValue(f('float'), ' 2.99 ', now)).toBe(2.99);
    expect(normalizeValue(f('float'), 'x', now)).toBe(0);
  });

  it('keeps select input only when it equals a choice exactly', () => {
    const sel = f('select', 'A\r\nB \r\nC*');
    expect(normalizeValue(sel, 'B', now)).toBe('B');
    expect(normalizeValue(sel, 'C', now)).toBe('C');
    expect(normalizeValue(sel, 'b', now)).toBe('');
    expect(normalizeValue(sel, 'B ', now)).toBe('');
  });

  it('stringifies text and truncates to the length', () => {
    expect(normalizeValue(f('text'), true, now)).toBe('1');
    expect(normalizeValue(f('text'), false, now)).toBe('');
    expect(normalizeValue(f('text'), 2.5, now)).toBe('2.5');
    expect(normalizeValue(f('text'), { a: 1 }, now)).toBe('');
    expect(normalizeValue(f('text', '', 3), 'abcdef', now)).toBe('abc');
  });

  it('parses dates like strtotime', () => {
    expect(normalizeValue(f('date'), '2020-2', now)).toBe('2020-02-01');
    expect(normalizeValue(f('datetime'), '2020-01-02t03:04:05', now)).toBe('2020-01-02 03:04:05');
    expect(normalizeValue(f('datetime'), '2020-01-02 03:4', now)).toBe('2020-01-02 03:04:00');
    expect(normalizeValue(f('date'), 'yesterday', now)).toBe('2026-03-09');
    expect(normalizeValue(f('datetime'), 'now', now)).toBe('2026-03-10 12:00:00');
    expect(normalizeValue(f('datetime'), '@1577934245', now)).toBe('2020-01-02 04:04:05');
    expect(normalizeValue(f('datetime'), '2020-01-02T03:04:05Z', now)).toBe('2020-01-02 04:04:05');
    expect(normalizeValue(f('date'), '2020-02-31', now)).toBe('2020-03-02');
    for (const bad of ['aa', '2020 2', '2020-01-02 03:', '', true, [], '123', '12345']) {
      expect(normalizeValue(f('date'), bad, now)).toBe('0000-00-00');
      expect(normalizeValue(f('empty_date'), bad, now)).toBe('');
      expect(normalizeValue(f('datetime'), bad, now)).toBe('0000-00-00 00:00:00');
      expect(normalizeValue(f('empty_datetime'), bad, now)).toBe('');
    }
    expect(normalizeValue(f('empty_date'), '0000-00-00', now)).toBe('');
  });
});
