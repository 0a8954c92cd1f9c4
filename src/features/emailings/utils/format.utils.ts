import type { EventType } from '@/api/emailing-events';
import type { EmailingSystem } from '@/api/emailings';

/**
 * A rate as a percentage. Small rates (complaints are often below 0.1 %) keep enough digits to be
 * non-zero; a missing rate (division by zero) is an em dash, never 0 % or NaN.
 */
export function formatRate(value: number | null, locale: string, asRatio = true): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (!asRatio) return numberFormat(locale, 'plain', 2).format(value);
  const digits = value !== 0 && Math.abs(value) < 0.001 ? 3 : value !== 0 && Math.abs(value) < 0.01 ? 2 : 1;
  return numberFormat(locale, 'percent', digits).format(value);
}

// Building an Intl.NumberFormat is slow next to using one; tables format thousands of rates.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, kind: 'plain' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${locale}|${kind}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      kind === 'percent'
        ? { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }
        : { maximumFractionDigits: digits },
    );
    formats.set(key, format);
  }
  return format;
}

/** A client-side filter on one event property (the API filters event lists only by time, §8). */
export type EventMatch = { field: string; value: string };

export function matchEvents<T extends Record<string, unknown>>(events: T[], match: EventMatch | undefined): T[] {
  if (!match) return events;
  return events.filter((e) => {
    const v = e[match.field];
    return (v === undefined || v === null ? '' : String(v)) === match.value;
  });
}

/** Where the filtered events list of an emailing lives (the fallback for "select these profiles"). */
export function emailingEventsUrl(system: EmailingSystem, emailingId: string, type: EventType, match?: EventMatch): string {
  const base = `/emailings/${system}/${encodeURIComponent(emailingId)}/events/${type}`;
  return match ? `${base}?${new URLSearchParams({ field: match.field, value: match.value })}` : base;
}

export function destinationUrl(system: EmailingSystem, emailingId: string, destinationId: string): string {
  return `/emailings/${system}/${encodeURIComponent(emailingId)}/destinations/${encodeURIComponent(destinationId)}`;
}
