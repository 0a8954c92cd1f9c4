import { describe, expect, it } from 'vitest';
import { commonMessages } from './common';
import { formatMessage, parseCopernicaTime } from './i18n';

describe('formatMessage', () => {
  it('fills placeholders with locale-formatted numbers', () => {
    expect(formatMessage('Items {from}–{to} of {total}', { from: 1, to: 100, total: 1234567 }, 'en')).toBe('Items 1–100 of 1,234,567');
    expect(formatMessage('{total}', { total: 1234567 }, 'nl')).toBe('1.234.567');
  });
  it('chooses plural forms', () => {
    const m = '{n, plural, one {# profile} other {# profiles}}';
    expect(formatMessage(m, { n: 1 }, 'en')).toBe('# profile');
    expect(formatMessage(m, { n: 2 }, 'en')).toBe('# profiles');
  });
});

describe('catalogs', () => {
  it('have a Dutch text for every English key, and no empty strings', () => {
    for (const key of Object.keys(commonMessages.en) as (keyof typeof commonMessages.en)[]) {
      expect(commonMessages.nl[key], key).toBeTruthy();
    }
  });
});

describe('parseCopernicaTime', () => {
  it('reads Copernica timestamps and treats zero dates as empty', () => {
    expect(parseCopernicaTime('2024-03-01 14:05:00')?.getMonth()).toBe(2);
    expect(parseCopernicaTime('0000-00-00 00:00:00')).toBeNull();
    expect(parseCopernicaTime('')).toBeNull();
  });
});
