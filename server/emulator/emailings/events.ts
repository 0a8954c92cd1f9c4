// Event lists (docs/api/emailings.md §8): one SQL query per page, serialized with exactly the fields each
// restv3 page documents for its system and scope (restv3/rest-get-{publisher,ms}[-emailing|-destination|-testgroup]-<type>.md).
import type Database from 'better-sqlite3';
import type { Query } from '../core/context.ts';
import { type Paging, pageOf, queryFlag } from '../core/http.ts';
import type { EventTable } from './event-tables.ts';
import { add, eventFilter, type Where, whereSql } from './filters.ts';
import type { System } from './model.ts';
import { formatWall } from './time.ts';

/** URL segment → table. */
export const EVENT_PATHS = {
  abuses: 'abuse',
  clicks: 'click',
  deliveries: 'delivery',
  errors: 'error',
  impressions: 'impression',
  unsubscribes: 'unsubscribe',
} as const satisfies Record<string, EventTable>;
export type EventPath = keyof typeof EVENT_PATHS;

export type Scope = 'emailing' | 'destination' | 'testgroup' | 'account';

interface EventRow {
  id: number;
  destination: number;
  emailing_id: number;
  ts: number;
  profile_id: number | null;
  subprofile_id: number | null;
  [column: string]: unknown;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Publisher errortype → errortypedescription (docs/api/emailings.md §8.1; only `nohost` is documented). */
export const ERRORTYPE_DESCRIPTIONS: Record<string, string> = {
  nohost: 'Map domain name to IP address',
  privateiprange: 'Mail server address is in a private range',
  unreachable: 'Connect to the receiving server',
  unexpected: 'Unexpected answer from the receiving server',
  error: 'Message refused by the receiving server',
  mailerror: 'Bounce report received after delivery',
  mailmessage: 'Reply message received',
  nocontent: 'Message has no content',
  nodata: 'No data to send',
  other: 'Unclassified error',
};

function publisherItem(t: EventTable, r: EventRow): Record<string, unknown> {
  const tail = {
    emailing: String(r.emailing_id),
    destination: String(r.destination),
    profile: str(r.profile_id),
    subprofile: str(r.subprofile_id),
  };
  const base = { ID: String(r.id) };
  const timestamp = formatWall(r.ts);
  switch (t) {
    case 'click':
      return {
        ...base,
        link_id: String(r.link_id),
        link: r.url,
        link_title: r.title ?? '',
        timestamp,
        ip: r.ip,
        useragent: r.useragent,
        referer: r.referer,
        ...tail,
      };
    case 'impression':
      return { ...base, timestamp, ip: r.ip, useragent: r.useragent, device: r.device, referer: r.referer, ...tail };
    case 'delivery':
      return { ...base, timestamp, attempt: String(r.attempt), 'smtp-response': r.smtp_response, ...tail };
    case 'error':
      return {
        ...base,
        timestamp,
        errorcode: r.errorcode,
        description: r.description,
        errortype: r.errortype,
        errortypedescription: ERRORTYPE_DESCRIPTIONS[r.errortype as string] ?? '',
        ...tail,
      };
    case 'unsubscribe':
      return { ...base, timestamp, source: r.source, success: r.success === 1, ...tail };
    default:
      return {
        ...base,
        timestamp,
        recognized_as: r.recognized_as,
        feedback_type: r.feedback_type,
        arf_version: r.arf_version,
        details: r.details,
        ...tail,
      };
  }
}

/**
 * MS items. Account-wide pages document no profile/subprofile; unsubscribes only ID, mailing, timestamp,
 * destination, source (+ success, profile, subprofile on the emailing page). The impressions example shows
 * `profile` as a number (restv3/rest-get-ms-emailing-impressions.md), so impressions use numbers.
 */
function msItem(t: EventTable, r: EventRow, scope: Scope): Record<string, unknown> {
  const head = { ID: String(r.id), mailing: String(r.emailing_id) };
  const timestamp = formatWall(r.ts);
  const destination = String(r.destination);
  const who =
    scope === 'account'
      ? {}
      : t === 'impression'
        ? { profile: r.profile_id ?? null, subprofile: r.subprofile_id ?? null }
        : { profile: str(r.profile_id), subprofile: str(r.subprofile_id) };
  switch (t) {
    case 'click':
      return { ...head, link: r.url, timestamp, ip: r.ip, useragent: r.useragent, destination, ...who };
    case 'impression':
      return { ...head, timestamp, ip: r.ip, useragent: r.useragent, device: r.device, destination, ...who };
    case 'delivery':
      // MS counts attempts from 1; Publisher's `attempt` counts retries from 0.
      return { ...head, timestamp, attempts: (r.attempt as number) + 1, destination, ...who };
    case 'error':
      return {
        ...head,
        timestamp,
        status: r.status ?? null,
        errorcode: r.errorcode,
        description: r.description,
        errortype: r.errortype,
        destination,
        ...who,
      };
    case 'unsubscribe':
      if (scope === 'emailing') return { ...head, timestamp, destination, source: r.source, success: r.success === 1, ...who };
      return { ...head, timestamp, destination, source: r.source };
    default:
      return { ...head, timestamp, report: {}, destination, ...who };
  }
}

export interface EventListRequest {
  system: System;
  table: EventTable;
  scope: Scope;
  /** Restrict to one emailing / destination / group. */
  emailingId?: number;
  destination?: number;
  groupId?: number;
  query: Query;
  paging: Paging;
  now: Date;
}

/** `unique=true`: one event per destination, and for MS clicks one per destination per link (restv3/rest-get-ms-emailing-clicks.md). */
function uniqueKey(system: System, table: EventTable): string | undefined {
  if (table === 'click') return system === 'ms' ? 'destination, link_id' : 'destination';
  if (table === 'impression' || table === 'unsubscribe') return 'destination';
  return undefined;
}

export function eventPage(db: Database.Database, req: EventListRequest): Record<string, unknown> {
  const { table: t } = req;
  const w: Where = { sql: [], params: [] };
  if (req.emailingId !== undefined) add(w, 'e.emailing_id = ?', req.emailingId);
  if (req.destination !== undefined) add(w, 'e.destination = ?', req.destination);
  if (req.groupId !== undefined) add(w, 'e.destination IN (SELECT internal FROM destination WHERE group_id = ?)', req.groupId);
  if (req.scope === 'account') add(w, 'e.emailing_id IN (SELECT id FROM emailing WHERE system = ?)', req.system);
  eventFilter(w, req.query, req.now, 'e.');
  const key = uniqueKey(req.system, t);
  if (key && queryFlag(req.query, 'unique', false)) {
    w.sql.push(`e.id IN (SELECT MIN(e.id) FROM ${t} e${whereSql(w)} GROUP BY ${key.replace(/(\w+)/g, 'e.$1')})`);
    w.params.push(...w.params);
  }
  const where = whereSql(w);
  const join = t === 'click' ? ' LEFT JOIN link l ON l.id = e.link_id' : '';
  const cols = t === 'click' ? ', l.url AS url, l.title AS title' : '';
  let data: Record<string, unknown>[] = [];
  if (req.paging.fetch) {
    const rows = db
      .prepare(
        `SELECT e.*, d.profile_id AS profile_id, d.subprofile_id AS subprofile_id${cols}
         FROM ${t} e LEFT JOIN destination d ON d.internal = e.destination${join}${where}
         ORDER BY e.id LIMIT ? OFFSET ?`,
      )
      .all(...w.params, req.paging.limit, req.paging.start) as EventRow[];
    data = rows.map((r) => (req.system === 'publisher' ? publisherItem(t, r) : msItem(t, r, req.scope)));
  }
  return pageOf(req.paging, data, () => (db.prepare(`SELECT COUNT(*) AS n FROM ${t} e${where}`).get(...w.params) as { n: number }).n);
}
