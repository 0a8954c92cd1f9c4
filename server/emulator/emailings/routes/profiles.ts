// Emailing histories of one profile or subprofile (restv3/rest-get-{profile,subprofile}-{publisher,ms}-{emailings,destinations}.md).
// The core's resolvers have already validated the (sub)profile ID ("No entity with supplied ID" /
// "No subprofile with supplied ID") and stored it in `profileId` / `subprofileId`.
import type { EmulatorApp } from '../../core/context.ts';
import { json, pageOf, parsePaging, queryFlag } from '../../core/http.ts';
import { add, destinationFilter, type Where, whereSql } from '../filters.ts';
import { type DestinationRow, msDestinationJson, publisherDestinationJson, type System } from '../model.ts';
import { type C, dbOf, emailingPage, nowOf, queryOf } from './common.ts';

type Owner = 'profile' | 'subprofile';

function recipient(c: C, owner: Owner, system: System, alias: string): Where {
  const w: Where = { sql: [], params: [] };
  if (owner === 'profile') {
    add(w, `${alias}.profile_id = ?`, c.get('profileId'));
    // include_subprofiles (Publisher profile emailings, default yes): also mailings to its subprofiles.
    if (system === 'publisher' && !queryFlag(queryOf(c), 'include_subprofiles', true)) add(w, `${alias}.subprofile_id IS NULL`);
  } else {
    add(w, `${alias}.subprofile_id = ?`, c.get('subprofileId'));
  }
  return w;
}

export function registerProfileRoutes(app: EmulatorApp): void {
  for (const owner of ['profile', 'subprofile'] as const) {
    for (const system of ['publisher', 'ms'] as const) {
      const base = `/${owner}/:${owner}/${system}`;
      app.get(`${base}/emailings`, (c) => {
        const r = recipient(c, owner, system, 'd');
        const extra: Where = { sql: [`e.id IN (SELECT d.emailing_id FROM destination d${whereSql(r)})`], params: r.params };
        return json(emailingPage(c, system, parsePaging(queryOf(c)), extra));
      });
      app.get(`${base}/destinations`, (c) => {
        const db = dbOf(c);
        const q = queryOf(c);
        const paging = parsePaging(q);
        const w = recipient(c, owner, 'ms', 'd');
        add(w, 'd.emailing_id IN (SELECT id FROM emailing WHERE system = ?)', system);
        destinationFilter(w, q, nowOf(c), 'd.');
        const where = whereSql(w);
        const rows = paging.fetch
          ? (db
              .prepare(`SELECT d.* FROM destination d${where} ORDER BY d.timestampsent, d.internal LIMIT ? OFFSET ?`)
              .all(...w.params, paging.limit, paging.start) as DestinationRow[])
          : [];
        const data = rows.map((d) => (system === 'publisher' ? publisherDestinationJson(d) : msDestinationJson(d, false)));
        return json(
          pageOf(paging, data, () => (db.prepare(`SELECT COUNT(*) AS n FROM destination d${where}`).get(...w.params) as { n: number }).n),
        );
      });
    }
  }
}
