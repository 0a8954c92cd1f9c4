import { describe, expect, it } from 'vitest';
import { intPrefix, parseForm, parsePaging, parseQuery, truthy } from './http.ts';

describe('parseQuery', () => {
  it('accepts arrays as a[]=, a[0]= and the percent-encoded a%5B0%5D=', () => {
    const q = parseQuery('/x?fields[]=a%3D%3D1&fields%5B1%5D=b%3E2&fields[7]=c&start=5');
    expect(q.list('fields')).toEqual(['a==1', 'b>2', 'c']);
    expect(q.get('start')).toBe('5');
    expect(q.get('fields')).toBeUndefined();
  });

  it('survives broken percent-encodings', () => {
    const q = parseQuery('/x?a=%E0%A4%A&b=%zz&c=ok%20go');
    expect(q.get('a')).toBe('%E0%A4%A');
    expect(q.get('b')).toBe('%zz');
    expect(q.get('c')).toBe('ok go');
  });
});

describe('parseForm', () => {
  it('builds nested objects and arrays from bracket keys', () => {
    expect(parseForm('fields[email]=ann%40example.org&fields[city]=Delft&interests[]=golf&interests[]=tennis&x=1')).toEqual({
      fields: { email: 'ann@example.org', city: 'Delft' },
      interests: ['golf', 'tennis'],
      x: '1',
    });
    expect(parseForm('interests[golf]=1&interests[chess]=0')).toEqual({ interests: { golf: '1', chess: '0' } });
  });

  it('ignores prototype keys', () => {
    const out = parseForm('__proto__[polluted]=1&a[constructor]=2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out).toEqual({});
  });
});

describe('paging and flags (docs/api/conventions.md §6.2)', () => {
  it('parses integer prefixes', () => {
    expect(intPrefix('12x')).toBe(12);
    expect(intPrefix('x')).toBe(0);
    expect(intPrefix(' -3')).toBe(-3);
  });

  it('treats true/yes/|n|≥1 as true and anything else as false', () => {
    for (const v of ['true', 'YES', '1', '-2', '5x']) expect(truthy(v)).toBe(true);
    for (const v of ['false', '0', '', 'thisisfalse', ' true', '0.5']) expect(truthy(v)).toBe(false);
    expect(truthy([])).toBe(true);
  });

  it('defaults to start 0, limit 100, total true', () => {
    expect(parsePaging(parseQuery('/x'))).toEqual({ start: 0, limit: 100, total: true, fetch: true });
    expect(parsePaging(parseQuery('/x?limit=9999&total=no'))).toEqual({ start: 0, limit: 1000, total: false, fetch: true });
  });
});
