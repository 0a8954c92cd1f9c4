// The one write path into the emailings tables: prepared statements for emailings, groups, destinations,
// links and events. The demo generator and the tests both use it; call refreshSummaries() when done.
import type Database from 'better-sqlite3';

export interface EmailingInput {
  id: number;
  system: 'publisher' | 'ms';
  timestamp: number;
  subject: string;
  description?: string;
  fromName: string;
  fromEmail: string;
  documentId?: number | null;
  templateId?: number | null;
  type: 'mass' | 'individual';
  contenttype?: string;
  isTest?: boolean;
  isFollowup?: boolean;
  target: { type: string; id: number; sources: { id: string; type: string }[] };
  tags?: string[];
  snapshotName: string;
  hyperlinkExtensions?: unknown;
  html?: string;
  finalgroupId?: number | null;
  scheduledId?: number | null;
}

export interface GroupInput {
  id: number;
  emailingId: number;
  kind: 'test' | 'final';
  name: string;
  documentId: number | null;
  templateId: number | null;
  subject: string;
  fromAddress: string;
  timestamp: number;
}

export interface DestinationInput {
  internal: number;
  emailingId: number;
  groupId?: number | null;
  hash?: string | null;
  messageId?: string | null;
  profileId: number | null;
  subprofileId?: number | null;
  email: string;
  timestampsent: number;
  unsubscribed?: boolean;
}

export type Writer = ReturnType<typeof createWriter>;

export function createWriter(db: Database.Database) {
  const emailing =
    db.prepare(`INSERT INTO emailing (id, system, timestamp, subject, description, from_name, from_email, document_id, template_id,
      type, contenttype, is_test, is_followup, target_type, target_id, target_sources_json, tags_json, snapshot_name, hyperlinkext_json, html,
      finalgroup_id, scheduled_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const group = db.prepare(
    'INSERT INTO emailing_group (id, emailing_id, kind, name, document_id, template_id, subject, from_address, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const destination =
    db.prepare(`INSERT INTO destination (internal, emailing_id, group_id, hash, message_id, profile_id, subprofile_id, email,
      timestampsent, unsubscribed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = db.prepare('INSERT INTO link (id, emailing_id, url, title) VALUES (?, ?, ?, ?)');
  return {
    emailing(e: EmailingInput): void {
      emailing.run(
        e.id,
        e.system,
        e.timestamp,
        e.subject,
        e.description ?? '',
        e.fromName,
        e.fromEmail,
        e.documentId ?? null,
        e.templateId ?? null,
        e.type,
        e.contenttype ?? 'html',
        e.isTest ? 1 : 0,
        e.isFollowup ? 1 : 0,
        e.target.type,
        e.target.id,
        JSON.stringify(e.target.sources),
        JSON.stringify(e.tags ?? []),
        e.snapshotName,
        JSON.stringify(e.hyperlinkExtensions ?? (e.system === 'ms' ? { data: [] } : {})),
        e.html ?? '',
        e.finalgroupId ?? null,
        e.scheduledId ?? null,
      );
    },
    group(g: GroupInput): void {
      group.run(g.id, g.emailingId, g.kind, g.name, g.documentId, g.templateId, g.subject, g.fromAddress, g.timestamp);
    },
    destination(d: DestinationInput): void {
      destination.run(
        d.internal,
        d.emailingId,
        d.groupId ?? null,
        d.hash ?? null,
        d.messageId ?? null,
        d.profileId,
        d.subprofileId ?? null,
        d.email,
        d.timestampsent,
        d.unsubscribed ? 1 : 0,
      );
    },
    link(id: number, emailingId: number, url: string, title: string): void {
      link.run(id, emailingId, url, title);
    },
    delivery: db.prepare('INSERT INTO delivery (id, destination, emailing_id, ts, attempt, smtp_response) VALUES (?, ?, ?, ?, ?, ?)'),
    retry: db.prepare('INSERT INTO retry (id, destination, emailing_id, ts, attempt) VALUES (?, ?, ?, ?, ?)'),
    error: db.prepare(
      'INSERT INTO error (id, destination, emailing_id, ts, errorcode, description, errortype, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    impression: db.prepare(
      'INSERT INTO impression (id, destination, emailing_id, ts, ip, useragent, device, referer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    click: db.prepare(
      'INSERT INTO click (id, destination, emailing_id, ts, link_id, ip, useragent, referer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    unsubscribe: db.prepare('INSERT INTO unsubscribe (id, destination, emailing_id, ts, source, success) VALUES (?, ?, ?, ?, ?, ?)'),
    abuse: db.prepare(
      'INSERT INTO abuse (id, destination, emailing_id, ts, recognized_as, feedback_type, arf_version, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}
