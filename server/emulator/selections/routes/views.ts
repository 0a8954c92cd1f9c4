// Database views (selections) and nested views: docs/api/selections.md §3.1 (V1–V7, V13–V15).
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, created, deleted, json, MESSAGES, noContent, pageArray, parsePaging, readObjectBody } from '../../core/http.ts';
import { formatTimestamp } from '../../core/time.ts';
import { viewJson } from '../json.ts';
import { listChildViews, listConditions, listRules, type ViewRow, viewSubtree } from '../store.ts';
import { viewOf } from './resolve.ts';
import { readIntentions, readName } from './shared.ts';

type Ctx = Context<EmulatorEnv>;
const stamp = (now: Date) => formatTimestamp(now);

function nameTakenInDatabase(db: Database.Database, databaseId: number, name: string, exceptId = 0): boolean {
  return (
    db.prepare('SELECT 1 FROM views WHERE database_id = ? AND name = ? COLLATE NOCASE AND id <> ?').get(databaseId, name, exceptId) !==
    undefined
  );
}

function insertView(
  db: Database.Database,
  databaseId: number,
  parentId: number | null,
  name: string,
  description: string,
  now: Date,
): number {
  if (nameTakenInDatabase(db, databaseId, name)) throw new ApiError(MESSAGES.invalidData); // unique per database (selections-settings.md)
  return Number(
    db
      .prepare('INSERT INTO views (database_id, parent_view_id, name, description, last_built) VALUES (?, ?, ?, ?, ?)')
      .run(databaseId, parentId, name, description, stamp(now)).lastInsertRowid,
  );
}

/** A free name for a copied nested view: `name_copy`, `name_copy2`, … (names are unique per database). */
function freeName(db: Database.Database, databaseId: number, base: string): string {
  for (let i = 1; ; i++) {
    const name = `${base}_copy${i === 1 ? '' : i}`;
    if (!nameTakenInDatabase(db, databaseId, name)) return name;
  }
}

/** Copy a view's rules and conditions, and (with `withChildren`) its nested views, under `parentId`. */
function copyView(db: Database.Database, source: ViewRow, parentId: number | null, name: string, withChildren: boolean, now: Date): number {
  const id = insertView(db, source.database_id, parentId, name, source.description, now);
  db.prepare('UPDATE views SET intent_email = ?, intent_sms = ?, intent_fax = ?, intent_pdf = ? WHERE id = ?').run(
    source.intent_email,
    source.intent_sms,
    source.intent_fax,
    source.intent_pdf,
    id,
  );
  for (const rule of listRules(db, 'view', source.id)) {
    const ruleId = Number(
      db
        .prepare('INSERT INTO view_rules (view_id, name, inversed, disabled) VALUES (?, ?, ?, ?)')
        .run(id, rule.name, rule.inversed, rule.disabled).lastInsertRowid,
    );
    for (const c of listConditions(db, 'view', rule.id)) {
      db.prepare('INSERT INTO view_conditions (rule_id, type, props, target_id) VALUES (?, ?, ?, ?)').run(
        ruleId,
        c.type,
        c.props,
        c.target_id,
      );
    }
  }
  if (withChildren) {
    for (const child of listChildViews(db, source.database_id, source.id))
      copyView(db, child, id, freeName(db, source.database_id, child.name), true, now);
  }
  return id;
}

export function deleteViews(db: Database.Database, viewId: number): void {
  for (const id of viewSubtree(db, viewId).reverse()) {
    db.prepare('DELETE FROM view_conditions WHERE rule_id IN (SELECT id FROM view_rules WHERE view_id = ?)').run(id);
    db.prepare('DELETE FROM view_rules WHERE view_id = ?').run(id);
    db.prepare('DELETE FROM views WHERE id = ?').run(id);
  }
}

export function registerViewRoutes(app: EmulatorApp): void {
  // V1 restv3/rest-get-database-views.md: top-level views only (§3.1 V1, I).
  app.get('/database/:database/views', (c) => {
    const { db } = c.get('ctx');
    const rows = listChildViews(db, c.get('database').id, null);
    return json(
      pageArray(
        parsePaging(c.get('query')),
        rows.map((v) => viewJson(db, v)),
      ),
    );
  });

  // V2 restv3/rest-post-database-views.md
  app.post('/database/:database/views', async (c) => {
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const name = readName(body);
    const description = typeof body.description === 'string' ? body.description : '';
    const id = db.transaction(() => insertView(db, c.get('database').id, null, name, description, now()))();
    return created(c, 'view', id);
  });

  // V3
  app.get('/view/:view', (c) => json(viewJson(c.get('ctx').db, viewOf(c))));

  // V4 restv3/rest-put-view.md: name and description only (v3 has no move). POST works as PUT (rest-introduction.md).
  const update = async (c: Ctx) => {
    const view = viewOf(c);
    const body = await readObjectBody(c);
    const { db } = c.get('ctx');
    const name = body.name === undefined ? view.name : readName(body);
    const description = typeof body.description === 'string' ? body.description : view.description;
    db.transaction(() => {
      if (nameTakenInDatabase(db, view.database_id, name, view.id)) throw new ApiError(MESSAGES.invalidData);
      db.prepare('UPDATE views SET name = ?, description = ? WHERE id = ?').run(name, description, view.id);
    })();
    return noContent();
  };
  app.put('/view/:view', update);
  app.post('/view/:view', update);

  // V5 restv3/rest-delete-view.md: the selection and its nested views, never the profiles.
  app.delete('/view/:view', (c) => {
    const view = viewOf(c);
    const { db } = c.get('ctx');
    db.transaction(() => deleteViews(db, view.id))();
    return deleted('view', view.id);
  });

  // V6, V7 restv3/rest-get-view-views.md, rest-post-view-views.md
  app.get('/view/:view/views', (c) => {
    const { db } = c.get('ctx');
    const view = viewOf(c);
    return json(
      pageArray(
        parsePaging(c.get('query')),
        listChildViews(db, view.database_id, view.id).map((v) => viewJson(db, v)),
      ),
    );
  });
  app.post('/view/:view/views', async (c) => {
    const view = viewOf(c);
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const name = readName(body);
    const description = typeof body.description === 'string' ? body.description : '';
    const id = db.transaction(() => insertView(db, view.database_id, view.id, name, description, now()))();
    return created(c, 'view', id);
  });

  // V13 restv3/rest-post-view-copy.md: same parent; {"options":{"views":true}} copies nested views too.
  app.post('/view/:view/copy', async (c) => {
    const view = viewOf(c);
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const name = readName(body);
    const options = typeof body.options === 'object' && body.options !== null ? (body.options as Record<string, unknown>) : {};
    const withChildren = options.views === true || options.views === 'true' || options.views === 1 || options.views === '1';
    const id = db.transaction(() => copyView(db, view, view.parent_view_id, name, withChildren, now()))();
    return created(c, 'view', id);
  });

  // V14 restv3/rest-post-view-rebuild.md (v2: PUT). Evaluation is always current; this only stamps last-built.
  const rebuild = (c: Ctx) => {
    const view = viewOf(c);
    const { db, now } = c.get('ctx');
    db.prepare('UPDATE views SET last_built = ? WHERE id = ?').run(stamp(now()), view.id);
    return noContent();
  };
  app.post('/view/:view/rebuild', rebuild);
  app.put('/view/:view/rebuild', rebuild);

  // V15 restv3/rest-put-view-intentions.md (page title and example: POST).
  const intentions = async (c: Ctx) => {
    const view = viewOf(c);
    const body = await readObjectBody(c);
    const { db } = c.get('ctx');
    const next = readIntentions(db, { kind: 'database', id: view.database_id }, view, body);
    db.prepare('UPDATE views SET intent_email = ?, intent_sms = ?, intent_fax = ?, intent_pdf = ? WHERE id = ?').run(
      next.email,
      next.sms,
      next.fax,
      next.pdf,
      view.id,
    );
    return noContent();
  };
  app.put('/view/:view/intentions', intentions);
  app.post('/view/:view/intentions', intentions);
}
