// Statistics shapes (docs/api/emailings.md §6.4, §7; restv3/rest-get-*-statistics.md). Numbers where the v3 example
// shows numbers, strings where it shows strings.
import type Database from 'better-sqlite3';
import type { Window } from './filters.ts';
import { type EmailingSummary, emailingSummary } from './summaries.ts';
import { addCounts, type Counts, emptyCounts, windowCounts } from './timeline.ts';

/** The unfiltered counts, read from the summary row (nothing to scan). */
function countsFromSummary(s: EmailingSummary): Counts {
  return {
    destinations: s.destinations,
    total: {
      delivery: s.n_delivery,
      retry: s.n_retry,
      error: s.n_error,
      impression: s.n_impression,
      click: s.n_click,
      unsubscribe: s.n_unsubscribe,
      abuse: s.n_abuse,
    },
    unique: {
      delivery: 0,
      retry: s.u_retry,
      error: s.u_error,
      impression: s.u_impression,
      click: s.u_click,
      unsubscribe: s.u_unsubscribe,
      abuse: s.u_abuse,
    },
    unknown: s.unknown,
    dominant: {
      errors: s.d_error,
      deliveries: s.d_delivery,
      impressions: s.d_impression,
      clicks: s.d_click,
      unsubscribes: s.d_unsubscribe,
      abuses: s.d_abuse,
    },
  };
}

/** Counts of one emailing: the summary row without a window, the timeline with one. */
export function emailingCounts(db: Database.Database, emailingId: number, window: Window | undefined): Counts {
  if (!window) return countsFromSummary(emailingSummary(db, emailingId));
  return windowCounts(db, emailingId, window.lo, window.hi);
}

export function sumCounts(db: Database.Database, emailingIds: number[], window: Window | undefined): Counts {
  return emailingIds.reduce((acc, id) => addCounts(acc, emailingCounts(db, id, window)), emptyCounts());
}

function dominantJson(c: Counts) {
  return {
    destinations: c.destinations,
    errors: c.dominant.errors,
    abuses: c.dominant.abuses,
    unsubscribes: c.dominant.unsubscribes,
    clicks: c.dominant.clicks,
    impressions: c.dominant.impressions,
    deliveries: c.dominant.deliveries,
  };
}

const pair = (c: Counts, k: keyof Counts['total']) => ({ total: c.total[k], unique: c.unique[k] });

/** restv3/rest-get-publisher-emailing-statistics.md: exactly the example's shape, numbers. */
export function publisherStatisticsJson(c: Counts): Record<string, unknown> {
  return {
    destinations: c.destinations,
    deliveries: { total: c.total.delivery },
    errors: pair(c, 'error'),
    impressions: pair(c, 'impression'),
    clicks: pair(c, 'click'),
    unsubscribes: pair(c, 'unsubscribe'),
    abuses: pair(c, 'abuse'),
    unknown: { total: c.unknown },
    dominant_results: dominantJson(c),
  };
}

/** restv3/rest-get-ms-emailing-statistics.md: the field list has `retries {total, unique}` and no `unknown`. */
export function msStatisticsJson(c: Counts): Record<string, unknown> {
  return {
    destinations: c.destinations,
    deliveries: { total: c.total.delivery },
    errors: pair(c, 'error'),
    impressions: pair(c, 'impression'),
    clicks: pair(c, 'click'),
    unsubscribes: pair(c, 'unsubscribe'),
    abuses: pair(c, 'abuse'),
    retries: pair(c, 'retry'),
    dominant_results: dominantJson(c),
  };
}

const strPair = (c: Counts, k: keyof Counts['total']) => ({ total: String(c.total[k]), unique: String(c.unique[k]) });

/** Testgroup and document statistics: five `{total, unique}` and `unknown {total}`, all strings. */
export function stringStatisticsJson(c: Counts): Record<string, unknown> {
  return {
    clicks: strPair(c, 'click'),
    impressions: strPair(c, 'impression'),
    errors: strPair(c, 'error'),
    unsubscribes: strPair(c, 'unsubscribe'),
    abuses: strPair(c, 'abuse'),
    unknown: { total: String(c.unknown) },
  };
}

/** restv3/rest-get-ms-template-statistics.md: `destinations` a string, abuses/errors/deliveries/retries total only. */
export function msTemplateStatisticsJson(c: Counts): Record<string, unknown> {
  return {
    destinations: String(c.destinations),
    abuses: { total: c.total.abuse },
    clicks: pair(c, 'click'),
    deliveries: { total: c.total.delivery },
    errors: { total: c.total.error },
    impressions: pair(c, 'impression'),
    retries: { total: c.total.retry },
    unsubscribes: pair(c, 'unsubscribe'),
  };
}

/** Per-destination counts in a window (few rows: plain SQL on the (destination, ts) indexes). */
export function destinationStatistics(db: Database.Database, internal: number, window: Window | undefined) {
  const lo = window?.lo ?? Number.NEGATIVE_INFINITY;
  const hi = window?.hi ?? Number.POSITIVE_INFINITY;
  const count = (t: string, expr = 'COUNT(*)') =>
    (db.prepare(`SELECT ${expr} AS n FROM ${t} WHERE destination = ? AND ts >= ? AND ts < ?`).get(internal, lo, hi) as { n: number }).n;
  return {
    abuse: count('abuse'),
    click: count('click'),
    clickLinks: count('click', 'COUNT(DISTINCT link_id)'),
    delivery: count('delivery'),
    error: count('error'),
    impression: count('impression'),
    retry: count('retry'),
    unsubscribe: count('unsubscribe'),
  };
}
