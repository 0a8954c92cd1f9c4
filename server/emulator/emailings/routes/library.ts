// Documents, templates and scheduled emailings as the emailing pages show them (docs/api/emailings.md §7.4, §9, §10).
import type { EmulatorApp } from '../../core/context.ts';
import { ApiError, json, pageOf, parseId, parsePaging, truthy } from '../../core/http.ts';
import { add, statisticsWindow, tristate, type Where, whereSql } from '../filters.ts';
import { msTemplateStatisticsJson, stringStatisticsJson, sumCounts } from '../statistics.ts';
import { formatWall, timeParam, wallNow } from '../time.ts';
import { type C, closeEntity, dbOf, EMAILING_MESSAGES, emailingListWhere, emailingPage, nowOf, queryOf } from './common.ts';

interface PublisherDocumentRow {
  id: number;
  template_id: number;
  name: string;
  from_address: string;
  subject: string;
  archived: number;
  source: string;
}
interface PublisherTemplateRow {
  id: number;
  name: string;
  description: string;
  from_address: string;
  subject: string;
  archived: number;
  source: string;
}
interface MsTemplateRow {
  id: number;
  name: string;
  from_name: string;
  from_email: string;
  subject: string;
  type: string;
  archived: number;
  directory: number | null;
  keywords: string;
  created: number;
}
export interface ScheduleRow {
  id: number;
  system: 'publisher' | 'ms';
  start: number;
  interval_count: number;
  interval_unit: 'day' | 'week' | 'month';
  iterations: number;
  rrule: string;
  document_id: number | null;
  template_id: number | null;
  subject: string;
  from_name: string;
  from_email: string;
  type: string;
  is_test: number;
  active: number;
  testgroups: number;
  emailing_type: string;
  contenttype: string;
  target_type: string;
  target_id: number;
  target_sources_json: string;
  tags_json: string;
}

function requireRow<T>(c: C, sql: string, message: string): T {
  const id = parseId(c.req.param('id'));
  const row = id === undefined ? undefined : (dbOf(c).prepare(sql).get(id) as T | undefined);
  if (!row) throw new ApiError(message);
  return row;
}
const requireDocument = (c: C) =>
  requireRow<PublisherDocumentRow>(c, 'SELECT * FROM publisher_document WHERE id = ?', EMAILING_MESSAGES.noDocument);
const requirePublisherTemplate = (c: C) =>
  requireRow<PublisherTemplateRow>(c, 'SELECT * FROM publisher_template WHERE id = ?', EMAILING_MESSAGES.noTemplate);
const requireMsTemplate = (c: C) => requireRow<MsTemplateRow>(c, 'SELECT * FROM ms_template WHERE id = ?', EMAILING_MESSAGES.noTemplate);
const requireSchedule = (system: 'publisher' | 'ms') => (c: C) =>
  requireRow<ScheduleRow>(c, `SELECT * FROM scheduled_emailing WHERE id = ? AND system = '${system}'`, EMAILING_MESSAGES.noScheduled);

const msTemplateJson = (t: MsTemplateRow) => ({
  id: String(t.id),
  name: t.name,
  from_address: { name: t.from_name, email: t.from_email },
  subject: t.subject,
  type: t.type,
  archived: t.archived === 1,
  directory: t.directory === null ? null : String(t.directory),
});

/** Emailings matching the document/template statistics filters (restv3/rest-get-publisher-document-statistics.md). */
function emailingIds(c: C, system: 'publisher' | 'ms', column: 'document_id' | 'template_id', id: number): number[] {
  const w = emailingListWhere(c, system);
  add(w, `e.${column} = ?`, id);
  return (
    (dbOf(c)
      .prepare(`SELECT e.id FROM emailing e${whereSql(w)}`)
      .pluck()
      .all(...w.params) as number[]) ?? []
  );
}

export function registerLibraryRoutes(app: EmulatorApp): void {
  // --- Publisher documents and templates ------------------------------------------------------
  app.get('/publisher/document/:id', (c) => {
    const d = requireDocument(c);
    const out: Record<string, unknown> = {
      id: String(d.id),
      template: String(d.template_id),
      name: d.name,
      from_address: d.from_address,
      subject: d.subject,
      archived: d.archived ? 1 : null,
    };
    // `source` defaults to true here; `source=false` skips the HTML (restv3/rest-get-publisher-document.md).
    const source = queryOf(c).get('source');
    if (source === undefined || truthy(source)) out.source = d.source;
    return json(out);
  });
  app.get('/publisher/document/:id/statistics', (c) => {
    const d = requireDocument(c);
    return json(
      stringStatisticsJson(sumCounts(dbOf(c), emailingIds(c, 'publisher', 'document_id', d.id), statisticsWindow(queryOf(c), nowOf(c)))),
    );
  });
  app.get('/publisher/document/:id/emailings', (c) => {
    const d = requireDocument(c);
    const extra: Where = { sql: ['e.document_id = ?'], params: [d.id] };
    return json(emailingPage(c, 'publisher', parsePaging(queryOf(c)), extra));
  });
  closeEntity(app, '/publisher/document', 2, requireDocument);

  app.get('/publisher/template/:id', (c) => {
    const t = requirePublisherTemplate(c);
    const out: Record<string, unknown> = {
      id: String(t.id),
      name: t.name,
      description: t.description,
      from_address: t.from_address,
      subject: t.subject,
      archived: t.archived === 1,
    };
    // Only with source=true (restv3/rest-get-publisher-template.md).
    if (truthy(queryOf(c).get('source') ?? '')) out.source = t.source;
    return json(out);
  });
  app.get('/publisher/template/:id/emailings', (c) => {
    const t = requirePublisherTemplate(c);
    return json(emailingPage(c, 'publisher', parsePaging(queryOf(c)), { sql: ['e.template_id = ?'], params: [t.id] }));
  });
  closeEntity(app, '/publisher/template', 2, requirePublisherTemplate);

  // --- MS templates ------------------------------------------------------------------------------
  app.get('/ms/template/:id', (c) => json(msTemplateJson(requireMsTemplate(c))));
  app.get('/ms/template/:id/statistics', (c) => {
    const t = requireMsTemplate(c);
    return json(
      msTemplateStatisticsJson(sumCounts(dbOf(c), emailingIds(c, 'ms', 'template_id', t.id), statisticsWindow(queryOf(c), nowOf(c)))),
    );
  });
  closeEntity(app, '/ms/template', 2, requireMsTemplate);
  app.get('/ms/templates', (c) => {
    const q = queryOf(c);
    const now = nowOf(c);
    const w: Where = { sql: [], params: [] };
    const name = q.get('name');
    if (name) add(w, 'name = ? COLLATE NOCASE', name);
    const keyword = q.get('keyword');
    if (keyword) add(w, `(' ' || keywords || ' ') LIKE ?`, `% ${keyword} %`);
    const type = q.get('type')?.toLowerCase();
    if (type === 'json' || type === 'html') add(w, 'type = ?', type);
    const before = timeParam('created_before', q.get('created_before'), now);
    const after = timeParam('created_after', q.get('created_after'), now);
    if (before !== undefined) add(w, 'created < ?', before);
    if (after !== undefined) add(w, 'created > ?', after);
    const paging = parsePaging(q);
    const db = dbOf(c);
    const where = whereSql(w);
    const rows = paging.fetch
      ? (db
          .prepare(`SELECT * FROM ms_template${where} ORDER BY id LIMIT ? OFFSET ?`)
          .all(...w.params, paging.limit, paging.start) as MsTemplateRow[])
      : [];
    return json(
      pageOf(
        paging,
        rows.map(msTemplateJson),
        () => (db.prepare(`SELECT COUNT(*) AS n FROM ms_template${where}`).get(...w.params) as { n: number }).n,
      ),
    );
  });

  // --- Scheduled emailings -------------------------------------------------------------------------
  for (const system of ['publisher', 'ms'] as const) {
    const toJson = system === 'publisher' ? publisherScheduleJson : msScheduleJson;
    app.get(`/${system}/scheduledemailings`, (c) => {
      const now = wallNow(nowOf(c));
      const rows = (dbOf(c).prepare('SELECT * FROM scheduled_emailing WHERE system = ? ORDER BY id').all(system) as ScheduleRow[]).filter(
        (s) => (system === 'publisher' ? publisherScheduleMatches(c, s, now) : msScheduleMatches(c, s, now)),
      );
      const paging = parsePaging(queryOf(c));
      const data = paging.fetch ? rows.slice(paging.start, paging.start + paging.limit) : [];
      return json(
        pageOf(
          paging,
          data.map((s) => toJson(s, now, false)),
          rows.length,
        ),
      );
    });
    app.get(`/${system}/scheduledemailing/:id`, (c) => json(toJson(requireSchedule(system)(c), wallNow(nowOf(c)), true)));
    closeEntity(app, `/${system}/scheduledemailing`, 2, requireSchedule(system));
  }
}

// --- Schedules: runs are start + k × interval --------------------------------------------------------

function runAt(s: ScheduleRow, k: number): number {
  const d = new Date(s.start * 1000);
  if (s.interval_unit === 'month') d.setUTCMonth(d.getUTCMonth() + k * s.interval_count);
  else d.setUTCDate(d.getUTCDate() + k * s.interval_count * (s.interval_unit === 'week' ? 7 : 1));
  return d.getTime() / 1000;
}

/** Runs done so far, the previous and the next run, relative to `now` (wall seconds). */
export function scheduleState(s: ScheduleRow, now: number): { processed: number; previous: number | null; next: number | null } {
  let processed = 0;
  while ((s.iterations < 0 || processed < s.iterations) && runAt(s, processed) <= now && processed < 100_000) processed++;
  const previous = processed > 0 ? runAt(s, processed - 1) : null;
  const next = s.active && (s.iterations < 0 || processed < s.iterations) ? runAt(s, processed) : null;
  return { processed, previous, next };
}

const target = (s: ScheduleRow) => ({ type: s.target_type, sources: JSON.parse(s.target_sources_json) });
const fmt = (ts: number | null) => (ts === null ? null : formatWall(ts));

/** restv3/rest-get-publisher-scheduledemailing(s).md (types as in the example: document/template numbers). */
function publisherScheduleJson(s: ScheduleRow, now: number, _single: boolean): Record<string, unknown> {
  const st = scheduleState(s, now);
  return {
    id: String(s.id),
    next: fmt(st.next),
    previous: fmt(st.previous),
    interval: { count: s.interval_count, unit: s.interval_unit },
    iterations: s.iterations,
    processed_iterations: String(st.processed),
    scheduled_iterations: String(s.iterations < 0 ? -1 : s.iterations - st.processed),
    document: s.document_id,
    template: s.template_id,
    subject: s.subject,
    from_address: { name: s.from_name, email: s.from_email },
    testgroups: s.testgroups,
    emailing_type: s.emailing_type,
    contenttype: s.contenttype,
    target: target(s),
  };
}

function msScheduleJson(s: ScheduleRow, now: number, single: boolean): Record<string, unknown> {
  const st = scheduleState(s, now);
  const out: Record<string, unknown> = {
    id: String(s.id),
    start: formatWall(s.start),
    rrule: s.rrule,
    template: s.template_id === null ? null : String(s.template_id),
    next: fmt(st.next),
    previous: fmt(st.previous),
    subject: s.subject,
    from_address: { name: s.from_name, email: s.from_email },
    type: s.type,
    target: target(s),
  };
  if (single) out.tags = JSON.parse(s.tags_json);
  return out;
}

/** `type` individual|mass|both, `test` test|normal|both, `fromdate` = next run after. */
function publisherScheduleMatches(c: C, s: ScheduleRow, now: number): boolean {
  const q = queryOf(c);
  const type = q.get('type')?.toLowerCase();
  if ((type === 'mass' || type === 'individual') && s.type !== type) return false;
  const test = tristate(q, 'test', 'test', 'normal');
  if (test !== undefined && (s.is_test === 1) !== test) return false;
  const from = timeParam('fromdate', q.get('fromdate'), nowOf(c));
  const next = scheduleState(s, now).next;
  return from === undefined || (next !== null && next > from);
}

/** `active`, `repeated`, `mass` (true|false), `nextrunbefore`, `nextrunafter` (restv3/rest-get-ms-scheduledemailings.md). */
function msScheduleMatches(c: C, s: ScheduleRow, now: number): boolean {
  const q = queryOf(c);
  const active = tristate(q, 'active', 'true', 'false');
  if (active !== undefined && (s.active === 1) !== active) return false;
  const repeated = tristate(q, 'repeated', 'true', 'false');
  if (repeated !== undefined && (s.iterations !== 1) !== repeated) return false;
  if (tristate(q, 'mass', 'true', 'false') === true && s.type !== 'mass') return false;
  const next = scheduleState(s, now).next;
  const before = timeParam('nextrunbefore', q.get('nextrunbefore'), nowOf(c));
  const after = timeParam('nextrunafter', q.get('nextrunafter'), nowOf(c));
  if (before !== undefined && (next === null || next >= before)) return false;
  if (after !== undefined && (next === null || next <= after)) return false;
  return true;
}
