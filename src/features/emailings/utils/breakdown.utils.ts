import type { EmailingEvent } from '@/api/emailing-events';

/**
 * Breakdowns computed from whole event lists (docs/api/emailings.md §8.1, §11.3). "unique" always means
 * distinct destinations, as in Copernica's statistics (§7.2), so a row's unique count answers
 * "how many recipients did this".
 */

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const destinationOf = (e: EmailingEvent) => text(e.destination);

export type CountRow = { key: string; total: number; unique: number };

/** Groups events by `keyOf`, counting events and distinct destinations; biggest first. */
export function countBy(events: EmailingEvent[], keyOf: (e: EmailingEvent) => string): CountRow[] {
  const groups = new Map<string, { total: number; destinations: Set<string> }>();
  for (const e of events) {
    const key = keyOf(e);
    let g = groups.get(key);
    if (!g) {
      g = { total: 0, destinations: new Set() };
      groups.set(key, g);
    }
    g.total++;
    g.destinations.add(destinationOf(e));
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, total: g.total, unique: g.destinations.size }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

export type LinkRow = CountRow & { link: string; title: string };

/** Top links: Publisher clicks carry `link_id` and `link_title`, MS clicks only `link` (§8.1). */
export function topLinks(clicks: EmailingEvent[]): LinkRow[] {
  const titles = new Map<string, { link: string; title: string }>();
  const keyOf = (e: EmailingEvent) => {
    const key = text(e.link_id) || text(e.link);
    if (!titles.has(key)) titles.set(key, { link: text(e.link), title: text(e.link_title) });
    return key;
  };
  return countBy(clicks, keyOf).map((row) => ({ ...row, ...(titles.get(row.key) ?? { link: row.key, title: '' }) }));
}

/** 4.x.x is temporary (soft bounce), 5.x.x permanent (hard bounce) (bounces.md, §8.1). */
export function errorSeverity(code: string): 'soft' | 'hard' | 'unknown' {
  if (/^4\./.test(code)) return 'soft';
  if (/^5\./.test(code)) return 'hard';
  return 'unknown';
}

export const errorsByType = (errors: EmailingEvent[]) => countBy(errors, (e) => text(e.errortype));
export const errorsByCode = (errors: EmailingEvent[]) => countBy(errors, (e) => text(e.errorcode));

/** `device` of impressions: desktop, tablet, mobile, unknown (§8.1); absent counts as unknown. */
export const devices = (impressions: EmailingEvent[]) => countBy(impressions, (e) => text(e.device) || 'unknown');

/**
 * The mail client behind an impression's user agent. Publisher sends a parsed short form
 * ("Safari 17.3, iOS"), MS the raw header (§8.1), so both are recognised.
 */
export function mailClient(userAgent: string): string {
  const ua = userAgent.trim();
  if (!ua) return 'Unknown';
  // Publisher's parsed short form: "<Client>[ <version>], <platform>" (no "/" as in a raw header)
  const short = /^([^,/]+?)(?:\s+[\d.]+)?\s*,\s*[^,]+$/.exec(ua);
  if (short?.[1] && !ua.includes('/')) return short[1].trim();
  if (/GoogleImageProxy|ggpht\.com/i.test(ua)) return 'Gmail';
  if (/YahooMailProxy/i.test(ua)) return 'Yahoo Mail';
  if (/Thunderbird/i.test(ua)) return 'Thunderbird';
  if (/Outlook|Microsoft Office|MSOffice|ms-office/i.test(ua)) return 'Outlook';
  if (/Edg(e|A|iOS)?\//i.test(ua)) return 'Edge';
  if (/Firefox|FxiOS/i.test(ua)) return 'Firefox';
  if (/Chrome|CriOS/i.test(ua)) return 'Chrome';
  if (/AppleWebKit/i.test(ua) && !/Safari/i.test(ua)) return 'Apple Mail';
  if (/Safari/i.test(ua)) return 'Safari';
  return 'Other';
}

export function operatingSystem(userAgent: string): string {
  const ua = userAgent;
  if (/iPhone|iPad|iOS/i.test(ua)) return 'iOS';
  if (/Android/i.test(ua)) return 'Android';
  if (/Windows|WinXP|Win\d/i.test(ua)) return 'Windows';
  if (/Mac OS|Macintosh|macOS|OS X/i.test(ua)) return 'macOS';
  if (/Linux|X11/i.test(ua)) return 'Linux';
  return 'Other';
}

export const mailClients = (impressions: EmailingEvent[]) => countBy(impressions, (e) => mailClient(text(e.useragent ?? e['user-agent'])));
export const operatingSystems = (impressions: EmailingEvent[]) =>
  countBy(impressions, (e) => operatingSystem(text(e.useragent ?? e['user-agent'])));

/** The part after the last `@`, lower case; empty for something that is not an address. */
export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : '';
}

export type DomainRow = { domain: string; destinations: number; errored: number; opened: number; clicked: number };

/**
 * Recipients per domain: how many destinations went there and how many of those had an error, an
 * impression or a click. `emailOf` maps an event's `destination` key to the recipient's address.
 */
export function domainBreakdown(
  destinationKeys: string[],
  emailOf: (destinationKey: string) => string | undefined,
  events: { errors: EmailingEvent[]; impressions: EmailingEvent[]; clicks: EmailingEvent[] },
): DomainRow[] {
  const rows = new Map<string, DomainRow>();
  const domainOf = (key: string) => emailDomain(emailOf(key) ?? '') || '?';
  for (const key of destinationKeys) {
    const domain = domainOf(key);
    const row = rows.get(domain) ?? { domain, destinations: 0, errored: 0, opened: 0, clicked: 0 };
    row.destinations++;
    rows.set(domain, row);
  }
  const mark = (list: EmailingEvent[], field: 'errored' | 'opened' | 'clicked') => {
    for (const key of new Set(list.map(destinationOf))) {
      const row = rows.get(domainOf(key));
      if (row) row[field]++;
    }
  };
  mark(events.errors, 'errored');
  mark(events.impressions, 'opened');
  mark(events.clicks, 'clicked');
  return [...rows.values()].sort((a, b) => b.destinations - a.destinations || a.domain.localeCompare(b.domain));
}
