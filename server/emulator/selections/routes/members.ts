// The contents of a selection: GET view/$id/profiles + profileids (V8, V9) and
// GET miniview/$id/subprofiles + subprofileids (M15, M16). Lists reuse the core's `fields[]` filter,
// ordering and record shapes, with the compiled selection as one more WHERE condition.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { compileFilter, compileOrder } from '../../core/filter.ts';
import { intPrefix, json, pageOf, parsePaging, queryFlag } from '../../core/http.ts';
import { type CollectionRow, findCollection, listFields } from '../../core/model.ts';
import { collectionOwner, databaseOwner, interestNames, listRows, profileJson, subprofileJson } from '../../core/records.ts';
import { compileSelection } from '../evaluate.ts';
import type { Level } from '../store.ts';
import { miniviewOf, viewOf } from './resolve.ts';

type Ctx = Context<EmulatorEnv>;

/** profileids / subprofileids: a bare array of numbers (rest-get-view-profileids.md); not paged unless asked (V9, I). */
function ids(c: Ctx, level: Level, id: number) {
  const { db, now } = c.get('ctx');
  const compiled = compileSelection(db, now(), level, id);
  if (!compiled) return json([]);
  const query = c.get('query');
  const paged = query.get('start') !== undefined || query.get('limit') !== undefined;
  const start = intPrefix(query.get('start'));
  const limit = query.get('limit') === undefined ? -1 : intPrefix(query.get('limit'));
  if (paged && (start < 0 || limit === 0)) return json([]);
  const page = paged ? ` LIMIT ${limit < 0 ? -1 : limit} OFFSET ${start}` : '';
  const rows = db.prepare(`SELECT id FROM ${compiled.table} WHERE ${compiled.where} ORDER BY id${page}`).all() as { id: number }[];
  return json(rows.map((r) => r.id));
}

export function registerMemberRoutes(app: EmulatorApp): void {
  // V8 restv3/rest-get-view-profiles.md: paging, fields[], orderby/order, dataonly, as on database profiles.
  app.get('/view/:view/profiles', (c) => {
    const view = viewOf(c);
    const { db, now } = c.get('ctx');
    const query = c.get('query');
    const fields = listFields(db, databaseOwner(view.database_id));
    const paging = parsePaging(query);
    const compiled = compileSelection(db, now(), 'view', view.id);
    if (!compiled) return json(pageOf(paging, [], 0));
    const filter = compileFilter(query.list('fields'), fields, now());
    const { rows, total } = listRows(db, {
      table: compiled.table,
      where: [compiled.where, ...filter.where],
      params: filter.params,
      order: compileOrder(query, fields),
      start: paging.start,
      limit: paging.limit,
    });
    const interests = interestNames(
      db,
      rows.map((r) => r.id),
    );
    const dataonly = queryFlag(query, 'dataonly', false);
    return json(
      pageOf(
        paging,
        rows.map((r) => profileJson(view.database_id, fields, r, interests.get(r.id) ?? [], dataonly)),
        total,
      ),
    );
  });
  app.get('/view/:view/profileids', (c) => ids(c, 'view', viewOf(c).id));

  // M15 restv3/rest-get-miniview-subprofiles.md (its URL says /subprofile: serve both), M16.
  const subprofiles = (c: Ctx) => {
    const mini = miniviewOf(c);
    const { db, now } = c.get('ctx');
    const query = c.get('query');
    const collection = findCollection(db, String(mini.collection_id)) as CollectionRow;
    const fields = listFields(db, collectionOwner(collection));
    const paging = parsePaging(query);
    const compiled = compileSelection(db, now(), 'mini', mini.id);
    if (!compiled) return json(pageOf(paging, [], 0));
    const filter = compileFilter(query.list('fields'), fields, now());
    const { rows, total } = listRows(db, {
      table: compiled.table,
      where: [compiled.where, ...filter.where],
      params: filter.params,
      order: compileOrder(query, fields),
      start: paging.start,
      limit: paging.limit,
    });
    const dataonly = queryFlag(query, 'dataonly', false);
    return json(
      pageOf(
        paging,
        rows.map((r) => subprofileJson(collection, fields, r, dataonly)),
        total,
      ),
    );
  };
  app.get('/miniview/:miniview/subprofiles', subprofiles);
  app.get('/miniview/:miniview/subprofile', subprofiles);
  app.get('/miniview/:miniview/subprofileids', (c) => ids(c, 'mini', miniviewOf(c).id));
}
