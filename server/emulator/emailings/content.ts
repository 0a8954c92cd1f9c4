// What a destination received: the emailing's HTML snapshot, personalised for the recipient
// (restv3/rest-get-{publisher,ms}-destination-body.md, rest-get-publisher-destination-content.md),
// and the (sub)profile fields of /publisher/destination/$id/fields.
import type Database from 'better-sqlite3';
import { listFields } from '../core/model.ts';
import { fieldColumn, profileTable, subprofileTable } from '../core/storage.ts';
import { formatValue } from '../core/values.ts';
import type { DestinationRow, EmailingRow } from './model.ts';

export function personalisedHtml(e: EmailingRow, d: DestinationRow): string {
  const code = d.hash ?? d.message_id ?? String(d.internal);
  return e.html
    .replaceAll('{$profile.email}', escapeHtml(d.email))
    .replaceAll('{$profile.id}', String(d.profile_id ?? ''))
    .replaceAll('{webversion}', `https://webversion.example.com/${code}`)
    .replaceAll('{unsubscribe}', `https://unsubscribe.example.com/${code}`);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function htmlToText(html: string): string {
  return html
    .replace(/<(style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<br\s*\/?>|<\/(p|h\d|li|tr|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

/** A complete MIME message (multipart/alternative: text + html). */
export function mimeMessage(e: EmailingRow, d: DestinationRow): string {
  const html = personalisedHtml(e, d);
  const boundary = `----=_Part_${d.internal}`;
  const date = new Date(d.timestampsent * 1000).toUTCString().replace('GMT', '+0000');
  return [
    `From: "${e.from_name}" <${e.from_email}>`,
    `To: <${d.email}>`,
    `Subject: ${e.subject}`,
    `Date: ${date}`,
    `Message-ID: <${d.hash ?? d.message_id}@mail.example.com>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    htmlToText(html),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** `{html, text, amp, subject}`, only the requested keys (`html+text`), all when none are given. */
export function contentJson(e: EmailingRow, d: DestinationRow, types: string | undefined): Record<string, unknown> {
  const html = personalisedHtml(e, d);
  const all: Record<string, unknown> = { html, text: htmlToText(html), amp: '', subject: e.subject };
  const wanted = (types ?? '')
    .split(/[+ ]/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t in all);
  if (wanted.length === 0) return all;
  return Object.fromEntries(wanted.map((t) => [t, all[t]]));
}

/** `{ID, fields:{…}}` of a profile or subprofile, values as the core stores them; null when unknown. */
export function profileFields(db: Database.Database, kind: 'profile' | 'subprofile', id: number | null): Record<string, unknown> | null {
  if (id === null) return null;
  let table: string;
  let owner: Parameters<typeof listFields>[1];
  if (kind === 'profile') {
    const reg = db.prepare('SELECT database_id FROM profiles WHERE id = ?').get(id) as { database_id: number } | undefined;
    if (!reg) return { ID: String(id), fields: {} };
    table = profileTable(reg.database_id);
    owner = { kind: 'database', id: reg.database_id };
  } else {
    const reg = db
      .prepare(
        'SELECT s.collection_id AS cid, c.database_id AS did FROM subprofiles s JOIN collections c ON c.id = s.collection_id WHERE s.id = ?',
      )
      .get(id) as { cid: number; did: number } | undefined;
    if (!reg) return { ID: String(id), fields: {} };
    table = subprofileTable(reg.cid);
    owner = { kind: 'collection', id: reg.cid, databaseId: reg.did };
  }
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  const fields: Record<string, string> = {};
  for (const f of listFields(db, owner)) fields[f.name] = row && row.removed === null ? formatValue(row[fieldColumn(f.id)]) : '';
  return { ID: String(id), fields };
}
