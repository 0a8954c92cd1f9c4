// Databases: restv3/rest-get-databases.md, rest-post-databases.md, rest-get-database.md, rest-put-database.md,
// rest-post-database-copy.md, rest-put-database-intentions.md.
import type Database from 'better-sqlite3';
import type { EmulatorApp } from '../context.ts';
import { copyDatabase } from '../copy.ts';
import { ApiError, created, isObject, json, MESSAGES, noContent, pageOf, parsePaging, readObjectBody, truthy } from '../http.ts';
import { type DatabaseRow, databaseJson, insertDatabase } from '../model.ts';
import { databaseOwner, inTransaction } from '../records.ts';
import { formatTimestamp } from '../time.ts';
import { phpString } from '../values.ts';
import { putIntentions } from './intentions.ts';

/** Non-empty, not numeric (names and IDs share the URL segment), unique case-insensitively. */
function checkName(db: Database.Database, name: string, self?: number) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,99}$/.test(name) || /^\d+$/.test(name)) {
    throw new ApiError(
      `${MESSAGES.invalidData}: a database name consists of letters, digits, spaces, dots, dashes and underscores and is not a number`,
    );
  }
  const clash = db.prepare('SELECT id FROM databases WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, self ?? null);
  if (clash) throw new ApiError(`${MESSAGES.invalidData}: a database "${name}" already exists`);
}

export function registerDatabaseRoutes(app: EmulatorApp): void {
  // Full objects with embedded fields/interests/collections; archived databases are included.
  app.get('/databases', (c) => {
    const { db } = c.get('ctx');
    const rows = db.prepare('SELECT * FROM databases ORDER BY id').all() as DatabaseRow[];
    const paging = parsePaging(c.get('query'));
    const data = paging.fetch ? rows.slice(paging.start, paging.start + paging.limit).map((r) => databaseJson(db, r)) : [];
    return json(pageOf(paging, data, rows.length));
  });

  app.post('/databases', async (c) => {
    const ctx = c.get('ctx');
    const body = await readObjectBody(c);
    const name = phpString(body.name);
    const id = inTransaction(ctx, () => {
      checkName(ctx.db, name);
      return insertDatabase(ctx.db, {
        name,
        description: phpString(body.description),
        archived: truthy(body.archived),
        created: formatTimestamp(ctx.now()),
      });
    });
    return created(c, 'database', id);
  });

  // By ID or name; paging parameters are ignored (docs/api/conventions.md §6.2).
  app.get('/database/:database', (c) => json(databaseJson(c.get('ctx').db, c.get('database'))));

  // POST is treated like PUT; an empty body answers 2xx without X-Created [peer].
  app.on(['PUT', 'POST'], '/database/:database', async (c) => {
    const ctx = c.get('ctx');
    const database = c.get('database');
    const body = await readObjectBody(c);
    inTransaction(ctx, () => {
      const name = body.name === undefined ? database.name : phpString(body.name);
      if (name !== database.name) checkName(ctx.db, name, database.id);
      const description = body.description === undefined ? database.description : phpString(body.description);
      const archived = body.archived === undefined ? database.archived : truthy(body.archived) ? 1 : 0;
      ctx.db
        .prepare('UPDATE databases SET name = ?, description = ?, archived = ? WHERE id = ?')
        .run(name, description, archived, database.id);
    });
    return noContent();
  });

  app.post('/database/:database/copy', async (c) => {
    const ctx = c.get('ctx');
    const database = c.get('database');
    const body = await readObjectBody(c);
    const name = phpString(body.name);
    const o = isObject(body.options) ? body.options : {};
    // miniviews need collections; subprofiles need collections and profiles (rest-post-database-copy.md).
    const collections = truthy(o.collections);
    const profiles = truthy(o.profiles);
    const options = {
      views: truthy(o.views),
      collections,
      miniviews: collections && truthy(o.miniviews),
      profiles,
      subprofiles: collections && profiles && truthy(o.subprofiles),
    };
    const id = inTransaction(ctx, () => {
      checkName(ctx.db, name);
      const result = copyDatabase(ctx, database, name, options);
      for (const hook of ctx.copyHooks) hook(ctx, result);
      return result.to;
    });
    return created(c, 'database', id);
  });

  app.on(['PUT', 'POST'], '/database/:database/intentions', (c) =>
    putIntentions(c, 'databases', c.get('database').id, databaseOwner(c.get('database').id)),
  );
}
