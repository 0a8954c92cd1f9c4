// Demo documents, templates and scheduled emailings (docs/api/emailings.md §9-§10).
import type Database from 'better-sqlite3';
import { DAY, HOUR } from '../time.ts';
import { EMAILINGS, emailingHtml, FROM, MS_TEMPLATES, PUBLISHER_DOCUMENTS, PUBLISHER_TEMPLATES } from './catalog.ts';
import type { Pool } from './recipients.ts';

const header = `"${FROM.name}" <${FROM.email}>`;

export function seedLibrary(db: Database.Database, now: number, pools: Record<'customers' | 'newsletter' | 'orders', Pool>): void {
  const linksOf = (documentId: number) => EMAILINGS.find((e) => e.documentId === documentId)?.links ?? [];
  const tpl = db.prepare(
    'INSERT INTO publisher_template (id, name, description, from_address, subject, archived, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of PUBLISHER_TEMPLATES) tpl.run(t.id, t.name, t.description, header, t.name, 0, emailingHtml(t.name, []));
  const doc = db.prepare(
    'INSERT INTO publisher_document (id, template_id, name, from_address, subject, archived, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const d of PUBLISHER_DOCUMENTS)
    doc.run(d.id, d.templateId, d.name, header, d.subject, d.archived ? 1 : 0, emailingHtml(d.subject, linksOf(d.id)));
  const ms = db.prepare(
    'INSERT INTO ms_template (id, name, from_name, from_email, subject, type, archived, directory, keywords, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of MS_TEMPLATES)
    ms.run(t.id, t.name, FROM.name, FROM.email, t.subject, t.type, t.archived ? 1 : 0, t.directory, t.keywords, now - t.createdAgo);

  const schedule =
    db.prepare(`INSERT INTO scheduled_emailing (id, system, start, interval_count, interval_unit, iterations, rrule, document_id,
      template_id, subject, from_name, from_email, type, is_test, active, testgroups, emailing_type, contenttype, target_type, target_id,
      target_sources_json, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const t = (p: Pool) => [p.target.type, p.target.id, JSON.stringify(p.target.sources)] as const;
  const day = (ts: number) => ts - (((ts % DAY) + DAY) % DAY);
  // Publisher: a weekly newsletter that starts in three days (12 runs).
  schedule.run(
    456,
    'publisher',
    day(now) + 3 * DAY + 9.5 * HOUR,
    1,
    'week',
    12,
    '',
    318,
    77,
    'Newsletter week {$week}',
    FROM.name,
    FROM.email,
    'mass',
    0,
    1,
    0,
    'normal',
    'html',
    ...t(pools.newsletter),
    '[]',
  );
  // MS: the monthly digest whose latest run is the M2 emailing (sent two hours ago), endless.
  const m2 = EMAILINGS.find((e) => e.key === 'M2');
  schedule.run(
    1742,
    'ms',
    now - (m2?.sentAgo ?? 2 * HOUR),
    1,
    'month',
    -1,
    'FREQ=MONTHLY',
    null,
    2105,
    'Your monthly digest',
    FROM.name,
    FROM.email,
    'mass',
    0,
    1,
    0,
    'normal',
    'html',
    ...t(pools.newsletter),
    '["digest","monthly"]',
  );
  // MS: a paused weekly tips mailing (for the active/repeated filters).
  schedule.run(
    1743,
    'ms',
    day(now) - 20 * DAY + 10 * HOUR,
    1,
    'week',
    -1,
    'FREQ=WEEKLY;BYDAY=TU',
    null,
    2106,
    'Tuesday tips',
    FROM.name,
    FROM.email,
    'mass',
    0,
    0,
    0,
    'normal',
    'html',
    ...t(pools.customers),
    '["tips"]',
  );
}
