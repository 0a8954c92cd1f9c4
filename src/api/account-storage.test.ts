import { beforeEach, describe, expect, it } from 'vitest';
import { clearAccountStorage, devicePreferences } from './account-storage';

describe('clearAccountStorage', () => {
  beforeEach(() => localStorage.clear());

  it("removes the account's column choices and webhook IDs and keeps the language", () => {
    localStorage.setItem('orrery.profiles.columns.1', '["email"]');
    localStorage.setItem('orrery.webhooks.1', '["7"]');
    localStorage.setItem('orrery.locale', 'nl');
    localStorage.setItem('other-app', 'x');
    const kept = devicePreferences();
    clearAccountStorage(kept);
    expect(localStorage.getItem('orrery.profiles.columns.1')).toBeNull();
    expect(localStorage.getItem('orrery.webhooks.1')).toBeNull();
    expect(localStorage.getItem('orrery.locale')).toBe('nl');
    expect(localStorage.getItem('other-app')).toBe('x');
  });

  it('writes the language back when Clear-Site-Data wiped the storage in between', () => {
    localStorage.setItem('orrery.locale', 'nl');
    const kept = devicePreferences();
    localStorage.clear(); // what the browser does on the sign-out answer
    clearAccountStorage(kept);
    expect(localStorage.getItem('orrery.locale')).toBe('nl');
  });
});
