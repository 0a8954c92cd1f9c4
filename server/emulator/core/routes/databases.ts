import type { EmulatorApp } from '../context.ts';
import { json, pageOf, parsePaging } from '../http.ts';
import { type DatabaseRow, databaseJson } from '../model.ts';

export function registerDatabaseRoutes(app: EmulatorApp): void {
  // restv3/rest-get-databases.md — full objects with embedded fields/interests/collections; archived included.
  app.get('/databases', (c) => {
    const { db } = c.get('ctx');
    const rows = db.prepare('SELECT * FROM databases ORDER BY id').all() as DatabaseRow[];
    const paging = parsePaging(c.get('query'));
    const data = paging.fetch ? rows.slice(paging.start, paging.start + paging.limit).map((r) => databaseJson(db, r)) : [];
    return json(pageOf(paging, data, rows.length));
  });

  // restv3/rest-get-database.md — by ID or name; paging parameters are ignored (conventions.md §6.2).
  app.get('/database/:database', (c) => json(databaseJson(c.get('ctx').db, c.get('database'))));
}
