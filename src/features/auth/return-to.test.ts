import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps same-origin paths', () => {
    expect(safeReturnTo('/databases/1?start=100')).toBe('/databases/1?start=100');
  });
  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/sign-in'])('refuses %s', (v) => {
    expect(safeReturnTo(v)).toBe('/');
  });
});
