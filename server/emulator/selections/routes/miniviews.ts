// Miniviews (miniselections) of a collection: docs/api/selections.md §3.3 (M1–M5, M17–M19). Miniviews cannot be
// nested (selections-introduction.md).
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, created, deleted, json, MESSAGES, noContent, pageArray, parsePaging, readObjectBody } from '../../core/http.ts';
import { formatTimestamp } from '../../core/time.ts';
import { miniviewJson, viewJson } from '../json.ts';
import { listMiniviews, type ViewRow } from '../store.ts';
import { miniviewOf } from './resolve.ts';
import { readIntentions, readName } from './shared.ts';

type Ctx = Context<EmulatorEnv>;

/** Names are unique per collection (I, like views per database). */
function nameTaken(db: Database.Database, collectionId: number, name: string, exceptId = 0): boolean {
  return (
    db
      .prepare('SELECT 1 FROM miniviews WHERE collection_id = ? AND name = ? COLLATE NOCASE AND id <> ?')
      .get(collectionId, name, exceptId) !== undefined
  );
}

export function deleteMiniview(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM miniview_conditions WHERE rule_id IN (SELECT id FROM miniview_rules WHERE view_id = ?)').run(id);
  db.prepare('DELETE FROM miniview_rules WHERE view_id = ?').run(id);
  db.prepare('DELETE FROM miniviews WHERE id = ?').run(id);
}

export function registerMiniviewRoutes(app: EmulatorApp): void {
  // M1 restv3/rest-get-collection-miniviews.md
  app.get('/collection/:collection/miniviews', (c) => {
    const rows = listMiniviews(c.get('ctx').db, c.get('collection').id);
    return json(pageArray(parsePaging(c.get('query')), rows.map(miniviewJson)));
  });

  // M2 restv3/rest-post-collection-miniviews.md
  app.post('/collection/:collection/miniviews', async (c) => {
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const collectionId = c.get('collection').id;
    const name = readName(body);
    const description = typeof body.description === 'string' ? body.description : '';
    const id = db.transaction(() => {
      if (nameTaken(db, collectionId, name)) throw new ApiError(MESSAGES.invalidData);
      return Number(
        db
          .prepare('INSERT INTO miniviews (collection_id, name, description, last_built) VALUES (?, ?, ?, ?)')
          .run(collectionId, name, description, formatTimestamp(now())).lastInsertRowid,
      );
    })();
    return created(c, 'miniview', id);
  });

  // M3, M4 (POST works as PUT), M5
  app.get('/miniview/:miniview', (c) => json(miniviewJson(miniviewOf(c))));
  const update = async (c: Ctx) => {
    const mini = miniviewOf(c);
    const body = await readObjectBody(c);
    const { db } = c.get('ctx');
    const name = body.name === undefined ? mini.name : readName(body);
    const description = typeof body.description === 'string' ? body.description : mini.description;
    db.transaction(() => {
      if (nameTaken(db, mini.collection_id, name, mini.id)) throw new ApiError(MESSAGES.invalidData);
      db.prepare('UPDATE miniviews SET name = ?, description = ? WHERE id = ?').run(name, description, mini.id);
    })();
    return noContent();
  };
  app.put('/miniview/:miniview', update);
  app.post('/miniview/:miniview', update);
  app.delete('/miniview/:miniview', (c) => {
    const mini = miniviewOf(c);
    const { db } = c.get('ctx');
    db.transaction(() => deleteMiniview(db, mini.id))();
    return deleted('miniview', mini.id);
  });

  // M17 restv3/rest-get-miniview-views.md: the views with a MiniView condition on this miniview (I).
  app.get('/miniview/:miniview/views', (c) => {
    const mini = miniviewOf(c);
    const { db } = c.get('ctx');
    const rows = db
      .prepare(
        `SELECT DISTINCT v.* FROM views v JOIN view_rules r ON r.view_id = v.id JOIN view_conditions k ON k.rule_id = r.id
         WHERE k.type = 'MiniView' AND k.target_id = ? ORDER BY v.id`,
      )
      .all(mini.id) as ViewRow[];
    return json(
      pageArray(
        parsePaging(c.get('query')),
        rows.map((v) => viewJson(db, v)),
      ),
    );
  });

  // M18 (v2: PUT) and M19 (page title: POST): accept both verbs.
  const rebuild = (c: Ctx) => {
    const mini = miniviewOf(c);
    const { db, now } = c.get('ctx');
    db.prepare('UPDATE miniviews SET last_built = ? WHERE id = ?').run(formatTimestamp(now()), mini.id);
    return noContent();
  };
  app.post('/miniview/:miniview/rebuild', rebuild);
  app.put('/miniview/:miniview/rebuild', rebuild);
  const intentions = async (c: Ctx) => {
    const mini = miniviewOf(c);
    const body = await readObjectBody(c);
    const { db } = c.get('ctx');
    const collection = db.prepare('SELECT database_id FROM collections WHERE id = ?').get(mini.collection_id) as { database_id: number };
    const next = readIntentions(db, { kind: 'collection', id: mini.collection_id, databaseId: collection.database_id }, mini, body);
    db.prepare('UPDATE miniviews SET intent_email = ?, intent_sms = ?, intent_fax = ?, intent_pdf = ? WHERE id = ?').run(
      next.email,
      next.sms,
      next.fax,
      next.pdf,
      mini.id,
    );
    return noContent();
  };
  app.put('/miniview/:miniview/intentions', intentions);
  app.post('/miniview/:miniview/intentions', intentions);
}
