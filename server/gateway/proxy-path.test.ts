import { describe, expect, it } from 'vitest';
import { parseProxyTarget, stripAccessToken } from './proxy-path.ts';
import { hostileProxyTargets } from './testing/support.ts';

describe('parseProxyTarget', () => {
  it.each(hostileProxyTargets('evil.example:8080'))('refuses %j on its own (without the URL check in front)', (target) => {
    expect(parseProxyTarget(target).ok).toBe(false);
  });

  it.each([
    ['/api/v3/databases', '/v3/databases', ''],
    ['/api/v3/database/1/profiles?limit=10&start=20', '/v3/database/1/profiles', 'limit=10&start=20'],
    ['/api/v3/profile/12/', '/v3/profile/12/', ''],
    ['/api/v3/database/Klanten%20%C3%AB/fields', '/v3/database/Klanten%20%C3%AB/fields', ''],
    [
      '/api/v3/database/1/profiles?fields[]=email%3D%3Dann%40example.org',
      '/v3/database/1/profiles',
      'fields[]=email%3D%3Dann%40example.org',
    ],
    ['/api/v3/database/my.db', '/v3/database/my.db', ''],
  ])('accepts %j', (target, path, query) => {
    expect(parseProxyTarget(target)).toEqual({ ok: true, path, query });
  });
});

describe('stripAccessToken', () => {
  it('drops every spelling of access_token and keeps the rest in order', () => {
    expect(
      stripAccessToken('a=1&access_token=x&b=2&ACCESS_TOKEN=y&access%5Ftoken=z&access.token=q&access+token=r&access_token[]=s&&c=3'),
    ).toBe('a=1&b=2&c=3');
    expect(stripAccessToken('')).toBe('');
    expect(stripAccessToken('access_tokens=1')).toBe('access_tokens=1');
  });
});
