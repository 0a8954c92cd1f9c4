// Collections: restv3/rest-get-database-collections.md, rest-post-database-collections.md,
// rest-get-collection.md, rest-put-collection.md.
import type { EmulatorApp } from '../context.ts';
import { ApiError, created, json, MESSAGES, noContent, pageArray, parsePaging, readObjectBody } from '../http.ts';
import { type CollectionRow, collectionJson, insertCollection, listCollections } from '../model.ts';
import { collectionOwner, inTransaction } from '../records.ts';
import { phpString } from '../values.ts';
import { putIntentions } from './intentions.ts';

/** Letters and underscores only [doc]; unique (case-insensitively) within the database. */
function checkName(name: string, siblings: CollectionRow[], self?: number) {
  if (!/^[A-Za-z_]{1,64}$/.test(name)) throw new ApiError(`${MESSAGES.invalidData}: a collection name consists of letters and underscores`);
  if (siblings.some((s) => s.id !== self && s.name.toLowerCase() === name.toLowerCase())) {
    throw new ApiError(`${MESSAGES.invalidData}: a collection "${name}" already exists`);
  }
}

export function registerCollectionRoutes(app: EmulatorApp): void {
  app.get('/database/:database/collections', (c) => {
    const { db } = c.get('ctx');
    return json(
      pageArray(
        parsePaging(c.get('query')),
        listCollections(db, c.get('database').id).map((row) => collectionJson(db, row)),
      ),
    );
  });

  app.post('/database/:database/collections', async (c) => {
    const ctx = c.get('ctx');
    const database = c.get('database');
    const body = await readObjectBody(c);
    const name = phpString(body.name);
    const id = inTransaction(ctx, () => {
      checkName(name, listCollections(ctx.db, database.id));
      return insertCollection(ctx.db, database.id, { name, description: phpString(body.description) });
    });
    return created(c, 'collection', id);
  });

  app.get('/collection/:collection', (c) => json(collectionJson(c.get('ctx').db, c.get('collection'))));

  app.on(['PUT', 'POST'], '/collection/:collection', async (c) => {
    const ctx = c.get('ctx');
    const collection = c.get('collection');
    const body = await readObjectBody(c);
    if (body.name !== undefined) {
      const name = phpString(body.name);
      inTransaction(ctx, () => {
        checkName(name, listCollections(ctx.db, collection.database_id), collection.id);
        ctx.db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, collection.id);
      });
    }
    return noContent();
  });

  app.on(['PUT', 'POST'], '/collection/:collection/intentions', (c) =>
    putIntentions(c, 'collections', c.get('collection').id, collectionOwner(c.get('collection'))),
  );
}
