// Profiles: restv3/rest-get-database-profiles.md, rest-post-database-profiles.md, rest-put-database-profiles.md,
// rest-delete-database-profiles.md, rest-get-database-profileids.md, rest-get-profile.md, rest-put-profile.md,
// rest-delete-profile.md, rest-get-profile-fields.md, rest-put-profile-fields.md.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../context.ts';
import { compileFilter, compileOrder } from '../filter.ts';
import {
  ApiError,
  created,
  deleted,
  intPrefix,
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
import { listFields } from '../model.ts';
import {
  createProfile,
  databaseOwner,
  deleteProfile,
  fieldsProperty,
  getProfileJson,
  getProfileRow,
  inTransaction,
  interestNames,
  listRows,
  profileJson,
  updateProfile,
} from '../records.ts';
import { profileTable } from '../storage.ts';

function listProfiles(c: Context<EmulatorEnv>) {
  const { db, now } = c.get('ctx');
  const query = c.get('query');
  const database = c.get('database');
  const fields = listFields(db, databaseOwner(database.id));
  const paging = parsePaging(query);
  const filter = compileFilter(query.list('fields'), fields, now());
  const { rows, total } = listRows(db, {
    table: profileTable(database.id),
    where: filter.where,
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
      rows.map((r) => profileJson(database.id, fields, r, interests.get(r.id) ?? [], dataonly)),
      total,
    ),
  );
}

async function createOne(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const database = c.get('database');
  const body = await readObjectBody(c);
  const fieldInput = fieldsProperty(body, true);
  const id = inTransaction(ctx, () => createProfile(ctx, database.id, fieldInput, body.interests, body));
  return created(c, 'profile', id);
}

/** PUT database/$id/profiles: update every match, or create one when nothing matches and `create` is set. */
async function bulkUpdate(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const query = c.get('query');
  const database = c.get('database');
  const expressions = query.list('fields');
  if (!expressions || expressions.length === 0) throw new ApiError(MESSAGES.fieldsRequired);
  const body = await readObjectBody(c);
  const fieldInput = fieldsProperty(body, true);
  const result = inTransaction(ctx, () => {
    const fields = listFields(ctx.db, databaseOwner(database.id));
    // Conditions on unknown fields are dropped: a filter of only unknown fields matches every profile [peer].
    const filter = compileFilter(expressions, fields, ctx.now());
    const where = ['removed IS NULL', ...filter.where].join(' AND ');
    const ids = (
      ctx.db.prepare(`SELECT id FROM ${profileTable(database.id)} WHERE ${where} ORDER BY id`).all(...filter.params) as { id: number }[]
    ).map((r) => r.id);
    for (const id of ids) updateProfile(ctx, id, { fields: fieldInput, interests: body.interests }, body);
    if (ids.length === 0 && queryFlag(query, 'create', false)) return createProfile(ctx, database.id, fieldInput, body.interests, body);
    return undefined;
  });
  return result === undefined ? noContent() : created(c, 'profile', result);
}

/** DELETE database/$id/profiles with body {"profiles":[…]}; unknown and removed IDs are skipped. */
async function bulkDelete(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const database = c.get('database');
  const body = await readObjectBody(c);
  const list = body.profiles;
  if (!Array.isArray(list) && !isObject(list)) throw new ApiError(`${MESSAGES.invalidData}: expected {"profiles":[id, ...]}`);
  const ids = Object.values(list).map((v) => (typeof v === 'number' ? v : typeof v === 'string' ? intPrefix(v) : 0));
  inTransaction(ctx, () => {
    const owner = ctx.db.prepare('SELECT database_id AS d FROM profiles WHERE id = ?');
    for (const id of new Set(ids)) {
      const row = owner.get(id) as { d: number } | undefined;
      if (row?.d !== database.id) continue;
      if (getProfileRow(ctx.db, id).row.removed !== null) continue;
      deleteProfile(ctx, id, false);
    }
  });
  return noContent();
}

async function putProfile(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const id = c.get('profileId');
  const body = await readObjectBody(c);
  // A non-object `fields` is ignored here, unlike on database/$id/profiles [peer].
  inTransaction(ctx, () =>
    updateProfile(ctx, id, { fields: fieldsProperty(body, false), interests: body.interests, secret: body.secret }, body),
  );
  return noContent();
}

async function putProfileFields(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const id = c.get('profileId');
  const body = await readBody(c);
  const fields = isObject(body) ? body : {};
  inTransaction(ctx, () => updateProfile(ctx, id, { fields }, { fields }));
  return noContent();
}

async function removeProfile(c: Context<EmulatorEnv>) {
  const ctx = c.get('ctx');
  const id = c.get('profileId');
  const body = await readObjectBody(c).catch(() => ({}) as Record<string, unknown>);
  inTransaction(ctx, () => deleteProfile(ctx, id, truthy(body.completely)));
  return deleted('profile', id);
}

export function registerProfileRoutes(app: EmulatorApp): void {
  // Superfluous trailing segments are ignored on these list/create routes [peer]; note that
  // GET database/$id/profiles/$pid is therefore the whole list, not one profile.
  app.get('/database/:database/profiles/*', listProfiles);
  app.post('/database/:database/profiles/*', createOne);
  app.put('/database/:database/profiles', bulkUpdate);
  app.delete('/database/:database/profiles', bulkDelete);

  app.get('/database/:database/profileids', (c) => {
    const { db } = c.get('ctx');
    const paging = parsePaging(c.get('query'));
    if (!paging.fetch) return json([]);
    const rows = db
      .prepare(`SELECT id FROM ${profileTable(c.get('database').id)} WHERE removed IS NULL ORDER BY id LIMIT ? OFFSET ?`)
      .all(paging.limit, paging.start) as { id: number }[];
    return json(rows.map((r) => r.id));
  });

  app.get('/profile/:profile', (c) => json(getProfileJson(c.get('ctx').db, c.get('profileId'))));
  app.on(['PUT', 'POST'], '/profile/:profile', putProfile);
  app.delete('/profile/:profile', removeProfile);

  app.get('/profile/:profile/fields/*', (c) => json(getProfileJson(c.get('ctx').db, c.get('profileId')).fields));
  app.on(['PUT', 'POST'], '/profile/:profile/fields', putProfileFields);
}

/**
 * Registered last: a DELETE on profile/$id/<anything> reports an already removed profile before
 * complaining about the path (docs/api/conventions.md §5); anything else there is `Invalid method`.
 */
export function registerProfileFallbacks(app: EmulatorApp): void {
  app.delete('/profile/:profile/*', (c) => {
    if (getProfileRow(c.get('ctx').db, c.get('profileId')).row.removed !== null) throw new ApiError(MESSAGES.profileRemoved);
    throw new ApiError(MESSAGES.method);
  });
}
