// Subprofiles: restv3/rest-get-collection-subprofiles.md, rest-get-collection-subprofileids.md,
// rest-put-collection-subprofiles.md, rest-get-profile-subprofiles.md, rest-post-profile-subprofiles.md,
// rest-put-profile-subprofiles.md, rest-get-subprofile.md, rest-put-subprofile.md, rest-delete-subprofile.md,
// rest-get-subprofile-fields.md, rest-put-subprofile-fields.md.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../context.ts';
import { compileFilter, compileOrder, parseCondition } from '../filter.ts';
import {
  ApiError,
  created,
  deleted,
  isObject,
  json,
  MESSAGES,
  noContent,
  pageOf,
  parsePaging,
  queryFlag,
  readBody,
  readObjectBody,
  truthy,
} from '../http.ts';
import { type CollectionRow, findCollection, listFields } from '../model.ts';
import {
  collectionOwner,
  createSubprofile,
  deleteSubprofile,
  getSubprofileRow,
  inTransaction,
  listRows,
  profileDatabaseId,
  type RecordRow,
  subprofileJson,
  updateSubprofile,
} from '../records.ts';
import { subprofileTable } from '../storage.ts';

/** List subprofiles of a collection, optionally of one profile, with paging, fields[], orderby, dataonly. */
function listSubprofiles(c: Context<EmulatorEnv>, collection: CollectionRow, profileId?: number) {
  const { db, now } = c.get('ctx');
  const query = c.get('query');
  const fields = listFields(db, collectionOwner(collection));
  const paging = parsePaging(query);
  const filter = compileFilter(query.list('fields'), fields, now());
  const where = profileId === undefined ? filter.where : ['profile_id = ?', ...filter.where];
  const params = profileId === undefined ? filter.params : [profileId, ...filter.params];
  const { rows, total } = listRows(db, {
    table: subprofileTable(collection.id),
    where,
    params,
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
}

/** `$coll` of profile/$id/subprofiles/$coll: ID or name, and it must belong to the profile's database. */
function profileCollection(c: Context<EmulatorEnv>): CollectionRow | undefined {
  const { db } = c.get('ctx');
  const databaseId = profileDatabaseId(db, c.get('profileId'));
  const collection = findCollection(db, c.req.param('coll') ?? '', databaseId);
  return collection?.database_id === databaseId ? collection : undefined;
}

/** The matching live subprofiles for a bulk update; `strict` makes bad or unknown conditions an error. */
function matchingRows(
  c: Context<EmulatorEnv>,
  collection: CollectionRow,
  expressions: string[],
  strict: boolean,
  profileId?: number,
): RecordRow[] {
  const { db, now } = c.get('ctx');
  const fields = listFields(db, collectionOwner(collection));
  const filter = compileFilter(expressions, fields, now());
  if (strict && filter.used !== expressions.length) {
    const bad = expressions.find((e) => compileFilter([e], fields, now()).used === 0 || !parseCondition(e));
    throw new ApiError(`Invalid fields parameter: ${JSON.stringify(bad)}`);
  }
  const where = ['removed IS NULL', ...(profileId === undefined ? [] : ['profile_id = ?']), ...filter.where].join(' AND ');
  const params = profileId === undefined ? filter.params : [profileId, ...filter.params];
  return db.prepare(`SELECT * FROM ${subprofileTable(collection.id)} WHERE ${where} ORDER BY id`).all(...params) as RecordRow[];
}

function requiredFilter(c: Context<EmulatorEnv>): string[] {
  const expressions = c.get('query').list('fields');
  if (!expressions || expressions.length === 0) throw new ApiError(MESSAGES.fieldsRequired);
  return expressions;
}

async function flatBody(c: Context<EmulatorEnv>): Promise<Record<string, unknown>> {
  const body = await readBody(c);
  return isObject(body) ? body : {};
}

export function registerSubprofileRoutes(app: EmulatorApp): void {
  app.get('/collection/:collection/subprofiles', (c) => listSubprofiles(c, c.get('collection')));

  app.get('/collection/:collection/subprofileids', (c) => {
    const rows = c
      .get('ctx')
      .db.prepare(`SELECT id FROM ${subprofileTable(c.get('collection').id)} WHERE removed IS NULL ORDER BY id`)
      .all() as { id: number }[];
    return json(rows.map((r) => r.id));
  });

  // The docs show both a flat body and one wrapped in `fields`; a lone object-valued `fields` key is a
  // wrapper unless the collection has a field called "fields" (docs/api/databases.md §7).
  app.put('/collection/:collection/subprofiles', async (c) => {
    const ctx = c.get('ctx');
    const collection = c.get('collection');
    const expressions = requiredFilter(c);
    let body = await flatBody(c);
    const fields = listFields(ctx.db, collectionOwner(collection));
    const keys = Object.keys(body);
    if (keys.length === 1 && keys[0] === 'fields' && isObject(body.fields) && !fields.some((f) => f.name.toLowerCase() === 'fields')) {
      body = body.fields;
    }
    inTransaction(ctx, () => {
      for (const row of matchingRows(c, collection, expressions, false)) updateSubprofile(ctx, collection, row, { fields: body }, body);
    });
    return noContent();
  });

  // profile/$id/subprofiles/$coll — $coll is mandatory (resolve.ts answers "element 3 is missing").
  app.get('/profile/:profile/subprofiles/:coll', (c) => {
    const collection = profileCollection(c);
    if (!collection) throw new ApiError(MESSAGES.noCollection);
    return listSubprofiles(c, collection, c.get('profileId'));
  });
  app.post('/profile/:profile/subprofiles/:coll/*', async (c) => {
    const ctx = c.get('ctx');
    const collection = profileCollection(c);
    if (!collection) throw new ApiError(MESSAGES.subprofileNotCreated);
    const body = await flatBody(c);
    const id = inTransaction(ctx, () => createSubprofile(ctx, collection, c.get('profileId'), body, body));
    return created(c, 'subprofile', id);
  });
  app.put('/profile/:profile/subprofiles/:coll', async (c) => {
    const ctx = c.get('ctx');
    const collection = profileCollection(c);
    if (!collection) throw new ApiError(MESSAGES.noCollection);
    const expressions = requiredFilter(c);
    const body = await flatBody(c); // a `fields` wrapper is NOT unwrapped here [peer]
    const profileId = c.get('profileId');
    const createdId = inTransaction(ctx, () => {
      const rows = matchingRows(c, collection, expressions, true, profileId);
      for (const row of rows) updateSubprofile(ctx, collection, row, { fields: body }, body);
      if (rows.length === 0 && queryFlag(c.get('query'), 'create', false)) return createSubprofile(ctx, collection, profileId, body, body);
      return undefined;
    });
    return createdId === undefined ? noContent() : created(c, 'subprofile', createdId);
  });

  app.get('/subprofile/:subprofile', (c) => {
    const { db } = c.get('ctx');
    const { collection, row } = getSubprofileRow(db, c.get('subprofileId'));
    return json(subprofileJson(collection, listFields(db, collectionOwner(collection)), row));
  });
  app.on(['PUT', 'POST'], '/subprofile/:subprofile', async (c) => {
    const ctx = c.get('ctx');
    const body = await readObjectBody(c);
    const update = { fields: isObject(body.fields) ? body.fields : {}, secret: body.secret };
    inTransaction(ctx, () => {
      const { collection, row } = getSubprofileRow(ctx.db, c.get('subprofileId'));
      updateSubprofile(ctx, collection, row, update, body);
    });
    return noContent();
  });
  app.delete('/subprofile/:subprofile', async (c) => {
    const ctx = c.get('ctx');
    const body = await readObjectBody(c);
    inTransaction(ctx, () => {
      const { collection, row } = getSubprofileRow(ctx.db, c.get('subprofileId'));
      deleteSubprofile(ctx, collection, row, truthy(body.completely));
    });
    return deleted('subprofile', c.get('subprofileId'));
  });

  app.get('/subprofile/:subprofile/fields/*', (c) => {
    const { db } = c.get('ctx');
    const { collection, row } = getSubprofileRow(db, c.get('subprofileId'));
    return json(subprofileJson(collection, listFields(db, collectionOwner(collection)), row).fields);
  });
  app.on(['PUT', 'POST'], '/subprofile/:subprofile/fields', async (c) => {
    const ctx = c.get('ctx');
    const body = await flatBody(c);
    inTransaction(ctx, () => {
      const { collection, row } = getSubprofileRow(ctx.db, c.get('subprofileId'));
      updateSubprofile(ctx, collection, row, { fields: body }, { fields: body });
    });
    return noContent();
  });
}

/** Registered after every module: DELETE subprofile/$id/<anything> reports "already removed" first (docs/api/conventions.md §5). */
export function registerSubprofileFallbacks(app: EmulatorApp): void {
  app.delete('/subprofile/:subprofile/*', (c) => {
    if (getSubprofileRow(c.get('ctx').db, c.get('subprofileId')).row.removed !== null) throw new ApiError(MESSAGES.subprofileRemoved);
    throw new ApiError(MESSAGES.method);
  });
}
