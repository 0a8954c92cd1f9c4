// Account-wide event lists and the Publisher testgroup calls (docs/api/emailings.md §5.3, §8).
import type { EmulatorApp } from '../../core/context.ts';
import { json, parsePaging } from '../../core/http.ts';
import { EVENT_PATHS, type EventPath, eventPage } from '../events.ts';
import { statisticsWindow } from '../filters.ts';
import { groupJson } from '../model.ts';
import { stringStatisticsJson } from '../statistics.ts';
import { windowCounts } from '../timeline.ts';
import { closeEntity, dbOf, nowOf, queryOf, requireTestgroup } from './common.ts';

export function registerEventRoutes(app: EmulatorApp): void {
  for (const system of ['publisher', 'ms'] as const) {
    for (const path of Object.keys(EVENT_PATHS) as EventPath[]) {
      app.get(`/${system}/${path}`, (c) => {
        const q = queryOf(c);
        return json(
          eventPage(dbOf(c), { system, table: EVENT_PATHS[path], scope: 'account', query: q, paging: parsePaging(q), now: nowOf(c) }),
        );
      });
    }
  }

  const base = '/publisher/testgroup';
  // restv3/rest-get-publisher-testgroup.md: no `template` on the single testgroup.
  app.get(`${base}/:id`, (c) => json(groupJson(dbOf(c), requireTestgroup(c), false)));
  app.get(`${base}/:id/statistics`, (c) => {
    const g = requireTestgroup(c);
    const w = statisticsWindow(queryOf(c), nowOf(c));
    return json(
      stringStatisticsJson(
        windowCounts(dbOf(c), g.emailing_id, w?.lo ?? Number.NEGATIVE_INFINITY, w?.hi ?? Number.POSITIVE_INFINITY, g.id),
      ),
    );
  });
  for (const path of Object.keys(EVENT_PATHS) as EventPath[]) {
    app.get(`${base}/:id/${path}`, (c) => {
      const g = requireTestgroup(c);
      const q = queryOf(c);
      return json(
        eventPage(dbOf(c), {
          system: 'publisher',
          table: EVENT_PATHS[path],
          scope: 'testgroup',
          emailingId: g.emailing_id,
          groupId: g.id,
          query: q,
          paging: parsePaging(q),
          now: nowOf(c),
        }),
      );
    });
  }
  closeEntity(app, base, 2, requireTestgroup);
}
