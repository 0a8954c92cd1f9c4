// The contents of a selection: GET view/$id/profiles + profileids (V8, V9) and
// GET miniview/$id/subprofiles + subprofileids (M15, M16). Lists reuse the core's `fields[]` filter,
// ordering and record shapes, with the compiled selection as one more WHERE condition.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { compileFilter, compileOrder } from '../../core/filter.ts';
import { intPrefix, json, pageOf, parsePaging, queryFlag } from '../../core/http.ts';
import { type CollectionRow, type FieldRow, findCollection, listFields } from '../../core/model.ts';
import {
  collectionOwner,
  databaseOwner,
  interestNames,
  listRows,
  profileJson,
  type RecordRow,
  subprofileJson,
} from '../../core/records.ts';
import { compileSelection, selectionIds } from '../evaluate.ts';
import type { Level } from '../store.ts';
import { miniviewOf, viewOf } from './resolve.ts';

type Ctx = Context<EmulatorEnv>;

/** profileids / subprofileids: a bare array of numbers (rest-get-view-profileids.md); not paged unless asked (V9, I). */
function ids(c: Ctx, level: Level, id: number) {
  const { db, now } = c.get('ctx');
  const all = selectionIds(db, now(), level, id);
  const query = c.get('query');
  if (query.get('start') === undefined && query.get('limit') === undefined) return json(all);
  const start = intPrefix(query.get('start'));
  const limit = query.get('limit') === undefined ? all.length : intPrefix(query.get('limit'));
  return json(start < 0 || limit <= 0 ? [] : all.slice(start, start + limit));
}

/**
 * One page of members plus the total. Without a `fields[]` filter and in ID order (the usual case) the page is
 * cut from the member IDs, so the selection is evaluated once; otherwise the core's list query runs with the
 * compiled selection as one more condition.
 */
function page(c: Ctx, level: Level, id: number, fields: FieldRow[]): { rows: RecordRow[]; total: () => number } {
  const { db, now } = c.get('ctx');
  const query = c.get('query');
  const paging = parsePaging(query);
  const compiled = compileSelection(db, now(), level, id);
  if (!compiled) return { rows: [], total: () => 0 };
  const orderby = query.get('orderby');
  const byId = orderby === undefined || orderby.toLowerCase() === 'id';
  if (query.list('fields') === undefined && byId) {
    const all = selectionIds(db, now(), level, id);
    const desc = ['desc', 'descending'].includes((query.get('order') ?? '').toLowerCase());
    const ordered = desc ? [...all].reverse() : all;
    const slice = paging.fetch ? ordered.slice(paging.start, paging.start + paging.limit) : [];
    const rows = db
      .prepare(`SELECT * FROM ${compiled.table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id ${desc ? 'DESC' : 'ASC'}`)
      .all(JSON.stringify(slice)) as RecordRow[];
    return { rows, total: () => all.length };
  }
  const filter = compileFilter(query.list('fields'), fields, now());
  return listRows(db, {
    table: compiled.table,
    where: [compiled.where, ...filter.where],
    params: filter.params,
    order: compileOrder(query, fields),
    start: paging.start,
    limit: paging.limit,
  });
}

export function registerMemberRoutes(app: EmulatorApp): void {
  // V8 restv3/rest-get-view-profiles.md: paging, fields[], orderby/order, dataonly, as on database profiles.
  app.get('/view/:view/profiles', (c) => {
    const view = viewOf(c);
    const { db } = c.get('ctx');
    const query = c.get('query');
    const fields = listFields(db, databaseOwner(view.database_id));
    const { rows, total } = page(c, 'view', view.id, fields);
    const interests = interestNames(
      db,
      rows.map((r) => r.id),
    );
    const dataonly = queryFlag(query, 'dataonly', false);
    return json(
      pageOf(
        parsePaging(query),
        rows.map((r) => profileJson(view.database_id, fields, r, interests.get(r.id) ?? [], dataonly)),
        total,
      ),
    );
  });
  app.get('/view/:view/profileids', (c) => ids(c, 'view', viewOf(c).id));

  // M15 restv3/rest-get-miniview-subprofiles.md (its URL says /subprofile: serve both), M16.
  const subprofiles = (c: Ctx) => {
    const mini = miniviewOf(c);
    const { db } = c.get('ctx');
    const query = c.get('query');
    const collection = findCollection(db, String(mini.collection_id)) as CollectionRow;
    const fields = listFields(db, collectionOwner(collection));
    const { rows, total } = page(c, 'mini', mini.id, fields);
    const dataonly = queryFlag(query, 'dataonly', false);
    return json(
      pageOf(
        parsePaging(query),
        rows.map((r) => subprofileJson(collection, fields, r, dataonly)),
        total,
      ),
    );
  };
  app.get('/miniview/:miniview/subprofiles', subprofiles);
  app.get('/miniview/:miniview/subprofile', subprofiles);
  app.get('/miniview/:miniview/subprofileids', (c) => ids(c, 'mini', miniviewOf(c).id));
}
