// One destination (message) and the destinations-by-period lists (docs/api/emailings.md §6, §6.4, §8).
import type { EmulatorApp } from '../../core/context.ts';
import { json, pageOf, parsePaging } from '../../core/http.ts';
import { contentJson, htmlToText, mimeMessage, personalisedHtml, profileFields } from '../content.ts';
import { EVENT_PATHS, type EventPath, eventPage } from '../events.ts';
import { add, destinationFilter, periodFilter, statisticsWindow, type Where, whereSql } from '../filters.ts';
import {
  type DestinationRow,
  type EmailingRow,
  msDestinationJson,
  msPeriodDestinationJson,
  publisherDestinationJson,
  publisherPeriodDestinationJson,
  type System,
} from '../model.ts';
import { destinationStatistics } from '../statistics.ts';
import { type C, closeEntity, dbOf, nowOf, queryOf, requireDestination } from './common.ts';
import { unsubscribedFlag } from './emailings.ts';

const emailingOf = (c: C, d: DestinationRow) => dbOf(c).prepare('SELECT * FROM emailing WHERE id = ?').get(d.emailing_id) as EmailingRow;

const text = (body: string, type: string) => new Response(body, { status: 200, headers: { 'Content-Type': type } });

export function registerDestinationRoutes(app: EmulatorApp): void {
  for (const system of ['publisher', 'ms'] as const) {
    const base = `/${system}/destination`;
    app.get(`${base}/:id`, (c) => {
      const d = requireDestination(c, system);
      return json(system === 'publisher' ? publisherDestinationJson(d) : msDestinationJson(d, true));
    });
    // Message bodies are not JSON: HTML by default, or MIME / plain text.
    const html = (c: C) => {
      const d = requireDestination(c, system);
      return text(personalisedHtml(emailingOf(c, d), d), 'text/html; charset=utf-8');
    };
    app.get(`${base}/:id/body`, html);
    app.get(`${base}/:id/body/html`, html);
    app.get(`${base}/:id/body/text`, (c) => {
      const d = requireDestination(c, system);
      return text(htmlToText(personalisedHtml(emailingOf(c, d), d)), 'text/plain; charset=utf-8');
    });
    app.get(`${base}/:id/body/mime`, (c) => {
      const d = requireDestination(c, system);
      return text(mimeMessage(emailingOf(c, d), d), 'message/rfc822');
    });
    app.get(`${base}/:id/statistics`, (c) => {
      const d = requireDestination(c, system);
      const s = destinationStatistics(dbOf(c), d.internal, statisticsWindow(queryOf(c), nowOf(c)));
      if (system === 'publisher') {
        // restv3/rest-get-publisher-destination-statistics.md (the example also has `retries`).
        return json({
          ID: d.hash,
          abuses: { total: s.abuse },
          clicks: { total: s.click },
          deliveries: { total: s.delivery },
          errors: { total: s.error },
          impressions: { total: s.impression },
          retries: { total: s.retry },
          unsubscribes: { total: s.unsubscribe },
        });
      }
      // restv3/rest-get-ms-destination-statistics.md; for one destination clicks.unique = distinct links (nd).
      return json({
        ID: String(d.internal),
        abuses: { total: s.abuse },
        clicks: { total: s.click, unique: s.clickLinks },
        deliveries: { total: s.delivery },
        errors: { total: s.error },
        impressions: { total: s.impression, unique: Math.min(1, s.impression) },
        retries: { total: s.retry },
        unsubscribes: { total: s.unsubscribe, unique: Math.min(1, s.unsubscribe) },
      });
    });
    for (const path of Object.keys(EVENT_PATHS) as EventPath[]) {
      app.get(`${base}/:id/${path}`, (c) => {
        const d = requireDestination(c, system);
        const q = queryOf(c);
        return json(
          eventPage(dbOf(c), {
            system,
            table: EVENT_PATHS[path],
            scope: 'destination',
            destination: d.internal,
            query: q,
            paging: parsePaging(q),
            now: nowOf(c),
          }),
        );
      });
    }
    if (system === 'publisher') {
      app.get(`${base}/:id/fields`, (c) => {
        const d = requireDestination(c, system);
        const db = dbOf(c);
        return json({
          ...publisherDestinationJson(d),
          profile: profileFields(db, 'profile', d.profile_id),
          subprofile: profileFields(db, 'subprofile', d.subprofile_id),
        });
      });
      app.get(`${base}/:id/content`, (c) => {
        const d = requireDestination(c, system);
        return json(contentJson(emailingOf(c, d), d, undefined));
      });
      app.get(`${base}/:id/content/:types`, (c) => {
        const d = requireDestination(c, system);
        return json(contentJson(emailingOf(c, d), d, c.req.param('types')));
      });
    }
    closeEntity(app, base, 2, (c) => requireDestination(c, system));

    app.get(`/${system}/destinations`, (c) => json(destinationsByPeriod(c, system)));
  }
}

/** restv3/rest-get-{publisher,ms}-destinations.md: `from`/`to` dates (+ `fields[]` on timestampsent), paged. */
function destinationsByPeriod(c: C, system: System): Record<string, unknown> {
  const db = dbOf(c);
  const q = queryOf(c);
  const paging = parsePaging(q);
  const w: Where = { sql: [], params: [] };
  add(w, 'd.emailing_id IN (SELECT id FROM emailing WHERE system = ?)', system);
  periodFilter(w, q, nowOf(c), 'd.timestampsent');
  destinationFilter(w, q, nowOf(c), 'd.');
  if (system === 'ms' && unsubscribedFlag(c)) add(w, 'd.unsubscribed = 1');
  const where = whereSql(w);
  const rows = paging.fetch
    ? (db
        .prepare(`SELECT d.* FROM destination d${where} ORDER BY d.internal LIMIT ? OFFSET ?`)
        .all(...w.params, paging.limit, paging.start) as DestinationRow[])
    : [];
  const data = rows.map((d) => (system === 'publisher' ? publisherPeriodDestinationJson(d) : msPeriodDestinationJson(d)));
  return pageOf(paging, data, () => (db.prepare(`SELECT COUNT(*) AS n FROM destination d${where}`).get(...w.params) as { n: number }).n);
}
