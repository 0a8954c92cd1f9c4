// Rows of the emailings tables and their JSON shapes (docs/api/emailings.md §4-§6, types as in each v3 example).
import type Database from 'better-sqlite3';
import { emailingSummary } from './summaries.ts';
import { formatWall } from './time.ts';

export type System = 'publisher' | 'ms';

export interface EmailingRow {
  id: number;
  system: System;
  timestamp: number;
  subject: string;
  description: string;
  from_name: string;
  from_email: string;
  document_id: number | null;
  template_id: number | null;
  type: 'mass' | 'individual';
  contenttype: string;
  is_test: number;
  is_followup: number;
  target_type: string;
  target_id: number;
  target_sources_json: string;
  tags_json: string;
  snapshot_name: string;
  hyperlinkext_json: string;
  html: string;
  finalgroup_id: number | null;
  scheduled_id: number | null;
}

export interface GroupRow {
  id: number;
  emailing_id: number;
  kind: 'test' | 'final';
  name: string;
  document_id: number | null;
  template_id: number | null;
  subject: string;
  from_address: string;
  timestamp: number;
}

export interface DestinationRow {
  internal: number;
  emailing_id: number;
  group_id: number | null;
  hash: string | null;
  message_id: string | null;
  profile_id: number | null;
  subprofile_id: number | null;
  email: string;
  timestampsent: number;
  unsubscribed: number;
}

export const idString = (v: number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** `"Name" <address>`: the string form of snapshots, testgroups and Publisher documents (docs/api/emailings.md §10). */
export const fromHeader = (name: string, email: string) => `"${name.replace(/"/g, '\\"')}" <${email}>`;

export function findEmailing(db: Database.Database, system: System, id: number): EmailingRow | undefined {
  return db.prepare('SELECT * FROM emailing WHERE id = ? AND system = ?').get(id, system) as EmailingRow | undefined;
}

function target(e: { target_type: string; target_sources_json: string }) {
  return { type: e.target_type, sources: JSON.parse(e.target_sources_json) as { id: string; type: string }[] };
}

/** Publisher emailing: IDs and counters as strings, `testgroups` a number, `finalgroup` only in split runs. */
export function publisherEmailingJson(db: Database.Database, e: EmailingRow): Record<string, unknown> {
  const s = emailingSummary(db, e.id);
  const testgroups = (
    db.prepare(`SELECT COUNT(*) AS n FROM emailing_group WHERE emailing_id = ? AND kind = 'test'`).get(e.id) as { n: number }
  ).n;
  const out: Record<string, unknown> = {
    id: String(e.id),
    timestamp: formatWall(e.timestamp),
    document: idString(e.document_id),
    template: idString(e.template_id),
    subject: e.subject,
    description: e.description,
    from_address: { name: e.from_name, email: e.from_email },
    destinations: String(s.destinations),
    testgroups,
  };
  if (e.finalgroup_id !== null) out.finalgroup = String(e.finalgroup_id);
  Object.assign(out, {
    type: e.type,
    clicks: String(s.n_click),
    impressions: String(s.n_impression),
    errors: String(s.n_error),
    unsubscribes: String(s.n_unsubscribe),
    abuses: String(s.n_abuse),
    contenttype: e.contenttype,
    target: target(e),
  });
  return out;
}

/** MS emailing: `destinations` a number, no counters; the single object adds `tags`. */
export function msEmailingJson(db: Database.Database, e: EmailingRow, withTags: boolean): Record<string, unknown> {
  const destinations = (db.prepare('SELECT COUNT(*) AS n FROM destination WHERE emailing_id = ?').get(e.id) as { n: number }).n;
  const out: Record<string, unknown> = {
    id: String(e.id),
    timestamp: formatWall(e.timestamp),
    template: idString(e.template_id),
    subject: e.subject,
    from_address: { name: e.from_name, email: e.from_email },
    destinations,
    type: e.type,
    target: target(e),
  };
  if (withTags) out.tags = JSON.parse(e.tags_json);
  return out;
}

export const emailingJson = (db: Database.Database, e: EmailingRow, single: boolean) =>
  e.system === 'publisher' ? publisherEmailingJson(db, e) : msEmailingJson(db, e, single);

export function groupJson(db: Database.Database, g: GroupRow, withTemplate: boolean): Record<string, unknown> {
  const n = (db.prepare('SELECT COUNT(*) AS n FROM destination WHERE group_id = ?').get(g.id) as { n: number }).n;
  const out: Record<string, unknown> = { ID: String(g.id), document: idString(g.document_id) };
  if (withTemplate) out.template = idString(g.template_id);
  return Object.assign(out, {
    name: g.name,
    from_address: g.from_address,
    subject: g.subject,
    timestamp: formatWall(g.timestamp),
    destinations: String(n),
  });
}

/** Publisher destination item: hash `ID`, `internal` as a string (docs/api/emailings.md §6). */
export function publisherDestinationJson(d: DestinationRow): Record<string, unknown> {
  return {
    ID: d.hash,
    timestampsent: formatWall(d.timestampsent),
    internal: String(d.internal),
    profile: idString(d.profile_id),
    subprofile: idString(d.subprofile_id),
    mailing: String(d.emailing_id),
  };
}

/** MS destination item; the single object adds `messageID` after `ID`. */
export function msDestinationJson(d: DestinationRow, withMessageId: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ID: String(d.internal) };
  if (withMessageId) out.messageID = d.message_id;
  return Object.assign(out, {
    timestampsent: formatWall(d.timestampsent),
    profile: idString(d.profile_id),
    subprofile: idString(d.subprofile_id),
    mailing: String(d.emailing_id),
  });
}

/** `/publisher/destinations` (by period): lowercase `id`, plus `mailing-group`. */
export function publisherPeriodDestinationJson(d: DestinationRow): Record<string, unknown> {
  return {
    id: d.hash,
    timestampsent: formatWall(d.timestampsent),
    internal: String(d.internal),
    profile: idString(d.profile_id),
    subprofile: idString(d.subprofile_id),
    mailing: String(d.emailing_id),
    'mailing-group': idString(d.group_id),
  };
}

/** `/ms/destinations` (by period): lowercase `id`, `messageID`, `unsubscribed` boolean. */
export function msPeriodDestinationJson(d: DestinationRow): Record<string, unknown> {
  return {
    id: String(d.internal),
    messageID: d.message_id,
    timestampsent: formatWall(d.timestampsent),
    profile: idString(d.profile_id),
    subprofile: idString(d.subprofile_id),
    mailing: String(d.emailing_id),
    unsubscribed: d.unsubscribed === 1,
  };
}

/** Publisher accepts the 32-hex hash and the internal number; MS the numeric ID and the 16-char message ID. */
export function findDestination(db: Database.Database, system: System, raw: string): DestinationRow | undefined {
  let row: DestinationRow | undefined;
  if (/^\d{1,15}$/.test(raw))
    row = db.prepare('SELECT * FROM destination WHERE internal = ?').get(Number(raw)) as DestinationRow | undefined;
  else if (system === 'publisher' && /^[0-9a-f]{32}$/i.test(raw))
    row = db.prepare('SELECT * FROM destination WHERE hash = ?').get(raw.toLowerCase()) as DestinationRow | undefined;
  else if (system === 'ms' && /^[0-9a-z]{16}$/i.test(raw))
    row = db.prepare('SELECT * FROM destination WHERE message_id = ?').get(raw.toLowerCase()) as DestinationRow | undefined;
  if (!row) return undefined;
  const owner = db.prepare('SELECT system FROM emailing WHERE id = ?').get(row.emailing_id) as { system: System } | undefined;
  return owner?.system === system ? row : undefined;
}
