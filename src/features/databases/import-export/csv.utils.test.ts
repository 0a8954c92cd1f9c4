import { describe, expect, it } from 'vitest';
import type { DatabaseField } from '@/api/databases';
import { autoMap, classifyRows, duplicateTargets, keyCondition, summarize } from './csv.utils';

const field = (name: string, type: string, value = ''): DatabaseField => ({
  ID: name,
  name,
  type,
  value,
  displayed: true,
  ordered: false,
  length: '255',
  textlines: '1',
  hidden: false,
  index: false,
});
const fields = [
  field('email', 'email'),
  field('firstname', 'text'),
  field('age', 'integer', '0'),
  field('level', 'select', 'gold\nsilver'),
];

describe('CSV column mapping', () => {
  it('maps headers to fields by name, case-insensitively, and leaves unknown columns unmapped', () => {
    expect(autoMap(['E-mail', 'EMAIL', 'FirstName', 'notes'], fields)).toEqual({
      'E-mail': '',
      EMAIL: 'email',
      FirstName: 'firstname',
      notes: '',
    });
  });
  it('finds fields mapped twice', () => {
    expect(duplicateTargets({ a: 'email', b: 'email', c: 'age', d: '' })).toEqual(['email']);
  });
});

describe('CSV dry run', () => {
  const mapping = { Mail: 'email', Name: 'firstname', Age: 'age', Level: 'level', Skip: '' };
  const rows = [
    { Mail: 'ann@example.org', Name: 'Ann', Age: '41', Level: 'gold', Skip: 'x' },
    { Mail: 'BO@example.org', Name: 'Bo', Age: '', Level: '', Skip: '' },
    { Mail: 'cy@example.org', Name: 'Cy', Age: 'forty', Level: 'bronze', Skip: '' },
    { Mail: '', Name: 'Dee', Age: '3', Level: '', Skip: '' },
  ];
  const existing = new Map([['bo@example.org', 2]]);

  it('predicts creates and updates by the key field, and flags bad values before anything is written', () => {
    const plans = classifyRows(rows, mapping, fields, 'email', existing);
    expect(plans.map((p) => [p.line, p.action, p.matches])).toEqual([
      [2, 'create', 0],
      [3, 'update', 2],
      [4, 'invalid', 0],
      [5, 'invalid', 0],
    ]);
    expect(plans[0]?.fields).toEqual({ email: 'ann@example.org', firstname: 'Ann', age: '41', level: 'gold' });
    expect(plans[2]?.problems.map((p) => [p.column, p.reason])).toEqual([
      ['Age', 'notInteger'],
      ['Level', 'notAChoice'],
    ]);
    expect(plans[3]?.problems.map((p) => p.reason)).toEqual(['emptyKey']);
    expect(summarize(plans)).toEqual({ creates: 1, updates: 1, invalid: 2 });
  });

  it('without a key field every valid row is a create', () => {
    expect(summarize(classifyRows(rows.slice(0, 2), mapping, fields, null, existing))).toEqual({ creates: 2, updates: 0, invalid: 0 });
  });

  it('builds the key condition for the upsert', () => {
    expect(keyCondition('email', 'ann@example.org')).toBe('email==ann@example.org');
  });
});
