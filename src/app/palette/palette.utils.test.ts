import { describe, expect, it } from 'vitest';
import { currentDatabaseId, matches, paletteIntent } from './palette.utils';

describe('palette', () => {
  it('reads digits as a profile ID and text as an e-mail search', () => {
    expect(paletteIntent(' 4711 ')).toEqual({ profileId: '4711' });
    expect(paletteIntent('ann@')).toEqual({ profileSearch: 'ann@' });
    expect(paletteIntent('ab')).toEqual({});
  });
  it('matches names case-insensitively and finds the current database', () => {
    expect(matches('Customers', 'cust')).toBe(true);
    expect(matches('Customers', 'x')).toBe(false);
    expect(currentDatabaseId('/databases/12/profiles/5')).toBe('12');
    expect(currentDatabaseId('/emailings')).toBeUndefined();
  });
});
