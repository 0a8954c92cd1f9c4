// /publisher/emailing(s) and /ms/emailing(s) with everything under one emailing (docs/api/emailings.md §4-§8).

import type { EmulatorApp } from '../../core/context.ts';
import { ApiError, json, pageArray, pageOf, parsePaging } from '../../core/http.ts';
import { EVENT_PATHS, type EventPath, eventPage } from '../events.ts';
import { add, destinationFilter, statisticsWindow, whereSql } from '../filters.ts';
import {
  type DestinationRow,
  emailingJson,
  fromHeader,
  type GroupRow,
  groupJson,
  msDestinationJson,
  publisherDestinationJson,
  type System,
} from '../model.ts';
import { emailingCounts, msStatisticsJson, publisherStatisticsJson } from '../statistics.ts';
import { type C, closeEntity, dbOf, EMAILING_MESSAGES, emailingPage, nowOf, queryOf, requireEmailing } from './common.ts';

export function registerEmailingRoutes(app: EmulatorApp): void {
  for (const system of ['publisher', 'ms'] as const) {
    const base = `/${system}/emailing`;
    app.get(`/${system}/emailings`, (c) => json(emailingPage(c, system, parsePaging(queryOf(c)))));
    app.get(`${base}/:id`, (c) => json(emailingJson(dbOf(c), requireEmailing(c, system), true)));
    app.get(`${base}/:id/snapshot`, (c) => json(snapshotJson(requireEmailing(c, system))));
    app.get(`${base}/:id/hyperlinkextensions`, (c) => json(JSON.parse(requireEmailing(c, system).hyperlinkext_json)));
    app.get(`${base}/:id/destinations`, (c) => json(destinationsOfEmailing(c, system)));
    app.get(`${base}/:id/statistics`, (c) => {
      const e = requireEmailing(c, system);
      const counts = emailingCounts(dbOf(c), e.id, statisticsWindow(queryOf(c), nowOf(c)));
      return json(system === 'publisher' ? publisherStatisticsJson(counts) : msStatisticsJson(counts));
    });
    for (const path of Object.keys(EVENT_PATHS) as EventPath[]) {
      app.get(`${base}/:id/${path}`, (c) => {
        const e = requireEmailing(c, system);
        const q = queryOf(c);
        return json(
          eventPage(dbOf(c), {
            system,
            table: EVENT_PATHS[path],
            scope: 'emailing',
            emailingId: e.id,
            query: q,
            paging: parsePaging(q),
            now: nowOf(c),
          }),
        );
      });
    }
    if (system === 'publisher') {
      app.get(`${base}/:id/testgroups`, (c) => {
        const e = requireEmailing(c, system);
        const groups = dbOf(c)
          .prepare(`SELECT * FROM emailing_group WHERE emailing_id = ? AND kind = 'test' ORDER BY id`)
          .all(e.id) as GroupRow[];
        return json(
          pageArray(
            parsePaging(queryOf(c)),
            groups.map((g) => groupJson(dbOf(c), g, true)),
          ),
        );
      });
      app.get(`${base}/:id/finalgroup`, (c) => {
        const e = requireEmailing(c, system);
        const g = dbOf(c).prepare(`SELECT * FROM emailing_group WHERE emailing_id = ? AND kind = 'final'`).get(e.id) as
          | GroupRow
          | undefined;
        // nd: an emailing without split run has no final group; answer like an unknown ID.
        if (!g) throw new ApiError(EMAILING_MESSAGES.noTestgroup);
        return json(groupJson(dbOf(c), g, true));
      });
    }
    closeEntity(app, base, 2, (c) => requireEmailing(c, system));
  }
}

/** restv3/rest-get-{publisher,ms}-emailing-snapshot.md: `from_address` is a mail-header string here. */
function snapshotJson(e: ReturnType<typeof requireEmailing>): Record<string, unknown> {
  const head = e.system === 'publisher' ? { document: String(e.document_id) } : { template: String(e.template_id) };
  return { ...head, name: e.snapshot_name, from_address: fromHeader(e.from_name, e.from_email), subject: e.subject };
}

/** Destinations of one emailing, by `internal`; `fields[]` on timestampsent; MS `Unsubscribed=true` (any case). */
function destinationsOfEmailing(c: C, system: System): Record<string, unknown> {
  const e = requireEmailing(c, system);
  const q = queryOf(c);
  const db = dbOf(c);
  const paging = parsePaging(q);
  const w = { sql: [] as string[], params: [] as unknown[] };
  add(w, 'emailing_id = ?', e.id);
  destinationFilter(w, q, nowOf(c));
  if (system === 'ms' && unsubscribedFlag(c)) add(w, 'unsubscribed = 1');
  const where = whereSql(w);
  const rows = paging.fetch
    ? (db
        .prepare(`SELECT * FROM destination${where} ORDER BY internal LIMIT ? OFFSET ?`)
        .all(...w.params, paging.limit, paging.start) as DestinationRow[])
    : [];
  const data = rows.map((d) => (system === 'publisher' ? publisherDestinationJson(d) : msDestinationJson(d, false)));
  return pageOf(paging, data, () => (db.prepare(`SELECT COUNT(*) AS n FROM destination${where}`).get(...w.params) as { n: number }).n);
}

/** The MS `Unsubscribed` parameter is documented with a capital U; accept any case (docs/api/emailings.md §6). */
export function unsubscribedFlag(c: C): boolean {
  const url = new URL(c.req.url);
  for (const [k, v] of url.searchParams)
    if (k.toLowerCase() === 'unsubscribed') return v.toLowerCase() === 'true' || v === '1' || v.toLowerCase() === 'yes';
  return false;
}
