import { describe, expect, it } from 'vitest';
import type { EmailingEvent } from '@/api/emailing-events';
import {
  devices,
  domainBreakdown,
  emailDomain,
  errorSeverity,
  errorsByType,
  mailClient,
  operatingSystem,
  topLinks,
} from './breakdown.utils';

let id = 0;
const ev = (destination: string, extra: Record<string, unknown> = {}): EmailingEvent => ({
  ID: String(++id),
  timestamp: '2024-03-05 10:00:00',
  destination,
  ...extra,
});

describe('topLinks', () => {
  it('counts clicks per link (total) and distinct destinations (unique), most clicked first', () => {
    const rows = topLinks([
      ev('1', { link_id: '7', link: 'https://a.example/x', link_title: 'A' }),
      ev('1', { link_id: '7', link: 'https://a.example/x', link_title: 'A' }),
      ev('2', { link_id: '7', link: 'https://a.example/x', link_title: 'A' }),
      ev('2', { link_id: '9', link: 'https://b.example/', link_title: 'B' }),
    ]);
    expect(rows).toEqual([
      { key: '7', link: 'https://a.example/x', title: 'A', total: 3, unique: 2 },
      { key: '9', link: 'https://b.example/', title: 'B', total: 1, unique: 1 },
    ]);
  });
  it('groups MS clicks by link text (no link_id)', () => {
    expect(topLinks([ev('1', { link: 'u' }), ev('2', { link: 'u' })])[0]).toMatchObject({ key: 'u', link: 'u', total: 2, unique: 2 });
  });
});

describe('errors', () => {
  it('classifies enhanced status codes', () => {
    expect(errorSeverity('4.2.2')).toBe('soft');
    expect(errorSeverity('5.1.1')).toBe('hard');
    expect(errorSeverity('')).toBe('unknown');
    expect(errorSeverity('0')).toBe('unknown');
  });
  it('groups by type', () => {
    expect(errorsByType([ev('1', { errortype: 'nohost' }), ev('1', { errortype: 'nohost' }), ev('3', { errortype: 'error' })])).toEqual([
      { key: 'nohost', total: 2, unique: 1 },
      { key: 'error', total: 1, unique: 1 },
    ]);
  });
});

describe('user agents', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', 'Gmail', 'Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 'Apple Mail', 'iOS'],
    ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)', 'Outlook', 'Windows'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36', 'Chrome', 'Android'],
    ['Safari 17.3, iOS', 'Safari', 'iOS'],
    ['Firefox 3.6, WinXP', 'Firefox', 'Windows'],
    ['Thunderbird 115.8, Linux', 'Thunderbird', 'Linux'],
    ['Apple Mail, macOS', 'Apple Mail', 'macOS'],
    ['Samsung Email, Android 13', 'Samsung Email', 'Android'],
    ['', 'Unknown', 'Other'],
  ])('%s → %s on %s', (ua, client, os) => {
    expect(mailClient(ua)).toBe(client);
    expect(operatingSystem(ua)).toBe(os);
  });
  it('counts devices, missing as unknown', () => {
    expect(devices([ev('1', { device: 'mobile' }), ev('2', { device: 'mobile' }), ev('3', {})]).map((r) => [r.key, r.total])).toEqual([
      ['mobile', 2],
      ['unknown', 1],
    ]);
  });
});

describe('domainBreakdown', () => {
  it('counts destinations per recipient domain and how many of them errored, opened, clicked', () => {
    const emails: Record<string, string> = { '1': 'a@Example.com', '2': 'b@example.com', '3': 'c@example.org', '4': 'broken' };
    const rows = domainBreakdown(['1', '2', '3', '4'], (k) => emails[k], {
      errors: [ev('3')],
      impressions: [ev('1'), ev('1'), ev('2')],
      clicks: [ev('2')],
    });
    expect(rows).toEqual([
      { domain: 'example.com', destinations: 2, errored: 0, opened: 2, clicked: 1 },
      { domain: '?', destinations: 1, errored: 0, opened: 0, clicked: 0 },
      { domain: 'example.org', destinations: 1, errored: 1, opened: 0, clicked: 0 },
    ]);
    expect(emailDomain('x@y@Z.nl ')).toBe('z.nl');
  });
});
