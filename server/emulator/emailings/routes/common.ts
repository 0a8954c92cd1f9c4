// Shared pieces of the emailings routes: path IDs, entity lookups with their error texts, list queries.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, intPrefix, MESSAGES, missingElement, type Paging, pageOf, parseId } from '../../core/http.ts';
import { add, sendDateFilter, tristate, type Where, whereSql } from '../filters.ts';
import {
  type DestinationRow,
  type EmailingRow,
  emailingJson,
  findDestination,
  findEmailing,
  type GroupRow,
  type System,
} from '../model.ts';

export type C = Context<EmulatorEnv>;

// Unverified for emailings (docs/api/emailings.md §2 "Unknown IDs"): modelled on the peer-observed core messages.
export const EMAILING_MESSAGES = {
  noEmailing: 'No emailing with supplied ID',
  noDestination: 'No destination with supplied ID',
  noTestgroup: 'No testgroup with supplied ID',
  noScheduled: 'No scheduled emailing with supplied ID',
  noDocument: 'No document with supplied ID',
  noTemplate: 'No template with supplied ID',
} as const;

export const ctxOf = (c: C) => c.get('ctx');
export const queryOf = (c: C) => c.get('query');
export const dbOf = (c: C) => c.get('ctx').db;
export const nowOf = (c: C) => c.get('ctx').now();

export function requireEmailing(c: C, system: System): EmailingRow {
  const id = parseId(c.req.param('id'));
  const row = id === undefined ? undefined : findEmailing(dbOf(c), system, id);
  if (!row) throw new ApiError(EMAILING_MESSAGES.noEmailing);
  return row;
}

export function requireDestination(c: C, system: System): DestinationRow {
  const row = findDestination(dbOf(c), system, c.req.param('id') ?? '');
  if (!row) throw new ApiError(EMAILING_MESSAGES.noDestination);
  return row;
}

export function requireTestgroup(c: C): GroupRow {
  const id = parseId(c.req.param('id'));
  const row =
    id === undefined
      ? undefined
      : (dbOf(c)
          .prepare(`SELECT g.* FROM emailing_group g JOIN emailing e ON e.id = g.emailing_id WHERE g.id = ? AND e.system = 'publisher'`)
          .get(id) as GroupRow | undefined);
  if (!row) throw new ApiError(EMAILING_MESSAGES.noTestgroup);
  return row;
}

/**
 * After the routes of an entity: `<base>` without ID → "element N is missing"; any other method or
 * sub-path → the ID is checked first, then "Invalid method" (docs/api/conventions.md §5 check order).
 */
export function closeEntity(app: EmulatorApp, base: string, idElement: number, check: (c: C) => unknown): void {
  app.all(base, () => {
    throw missingElement(idElement);
  });
  const invalid = (c: C) => {
    check(c);
    throw new ApiError(MESSAGES.method);
  };
  app.all(`${base}/:id`, invalid);
  app.all(`${base}/:id/*`, invalid);
}

export function paged(paging: Paging, rows: Record<string, unknown>[], total: () => number) {
  return pageOf(paging, rows, total);
}

/**
 * Filters of the emailing lists (restv3/rest-get-{publisher,ms}-emailings.md): type, followups, test (Publisher),
 * mindestinations, maxdestinations, fromdate, todate.
 */
export function emailingListWhere(c: C, system: System, alias = 'e'): Where {
  const q = queryOf(c);
  const w: Where = { sql: [], params: [] };
  add(w, `${alias}.system = ?`, system);
  const type = q.get('type')?.toLowerCase();
  if (type === 'mass' || type === 'individual') add(w, `${alias}.type = ?`, type);
  const followups = tristate(q, 'followups');
  if (followups !== undefined) add(w, `${alias}.is_followup = ?`, followups ? 1 : 0);
  const test = tristate(q, 'test');
  if (test !== undefined) add(w, `${alias}.is_test = ?`, test ? 1 : 0);
  const destCount = `(SELECT COUNT(*) FROM destination dd WHERE dd.emailing_id = ${alias}.id)`;
  if (q.get('mindestinations')) add(w, `${destCount} >= ?`, intPrefix(q.get('mindestinations')));
  if (q.get('maxdestinations')) add(w, `${destCount} <= ?`, intPrefix(q.get('maxdestinations')));
  sendDateFilter(w, q, nowOf(c), `${alias}.timestamp`);
  return w;
}

/** One page of emailings (oldest first, docs/api/emailings.md §2 "Ordering"). `extra` narrows the set (profile histories). */
export function emailingPage(c: C, system: System, paging: Paging, extra?: Where): Record<string, unknown> {
  const db = dbOf(c);
  const w = emailingListWhere(c, system);
  if (extra) {
    w.sql.push(...extra.sql);
    w.params.push(...extra.params);
  }
  const where = whereSql(w);
  const rows = paging.fetch
    ? (db
        .prepare(`SELECT e.* FROM emailing e${where} ORDER BY e.timestamp, e.id LIMIT ? OFFSET ?`)
        .all(...w.params, paging.limit, paging.start) as EmailingRow[])
    : [];
  return pageOf(
    paging,
    rows.map((e) => emailingJson(db, e, false)),
    () => (db.prepare(`SELECT COUNT(*) AS n FROM emailing e${where}`).get(...w.params) as { n: number }).n,
  );
}
