import { describe, expect, it } from 'vitest';
import { recipientLinks } from './recipient.utils';

describe('recipientLinks', () => {
  it('links profile and subprofile into the known database', () => {
    expect(recipientLinks('3', '552019', '77')).toEqual({
      profile: { id: '552019', url: '/databases/3/profiles/552019' },
      subprofile: { id: '77', url: '/databases/3/subprofiles/77' },
    });
  });

  it('falls back to the profile redirect and leaves a subprofile unlinked without a database', () => {
    expect(recipientLinks(undefined, '552019', '77')).toEqual({
      profile: { id: '552019', url: '/profiles/552019' },
      subprofile: { id: '77', url: undefined },
    });
  });

  it('has nothing for a destination without profile (null, §2 Types)', () => {
    expect(recipientLinks('3', null, null)).toEqual({});
  });
});
