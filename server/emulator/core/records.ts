// Profiles and subprofiles: reading rows into the documented JSON shapes and writing them with Copernica's
// coercion, `modified` and soft-delete rules (docs/api/databases.md §6–7, docs/api/conventions.md §11–12). Routes stay thin.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EmulatorContext } from './context.ts';
import { ApiError, isObject, MESSAGES, truthy } from './http.ts';
import {
  type CollectionRow,
  type FieldOwner,
  type FieldRow,
  findCollection,
  type InterestRow,
  listFields,
  listInterests,
} from './model.ts';
import { cachedCount, stmt } from './sql.ts';
import { fieldColumn, liveIndex, profileTable, subprofileTable } from './storage.ts';
import { formatTimestamp } from './time.ts';
import { defaultValue, formatValue, normalizeValue, phpString, type Stored } from './values.ts';
import type { Trigger } from './webhook-dispatch.ts';

export interface RecordRow {
  id: number;
  profile_id?: number;
  secret: string;
  created: string;
  modified: string;
  removed: string | null;
  [column: string]: unknown;
}

/** A fresh secret: 28 lowercase hex characters, like the live API [peer]. */
export const newSecret = () => crypto.randomBytes(14).toString('hex');

/** One transaction per API call; webhook events are sent only once it has committed. */
export function inTransaction<T>(ctx: EmulatorContext, fn: () => T): T {
  try {
    const result = ctx.db.transaction(fn)();
    ctx.webhooks.flush();
    return result;
  } catch (err) {
    ctx.webhooks.discard();
    throw err;
  }
}

export const databaseOwner = (databaseId: number): FieldOwner => ({ kind: 'database', id: databaseId });
export const collectionOwner = (c: CollectionRow): FieldOwner => ({ kind: 'collection', id: c.id, databaseId: c.database_id });

// ---------------------------------------------------------------------------------------------
// Reading

/** Every field present, canonical names, strings; `""` everywhere for a removed record. */
export function fieldsJson(fields: FieldRow[], row: RecordRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.name] = row.removed ? '' : formatValue(row[fieldColumn(f.id)]);
  return out;
}

/** Interest names per profile, in interest order. */
export function interestNames(db: Database.Database, profileIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (profileIds.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT pi.profile_id AS p, i.name AS n FROM profile_interests pi JOIN interests i ON i.id = pi.interest_id
       WHERE pi.profile_id IN (SELECT value FROM json_each(?)) ORDER BY pi.profile_id, i.id`,
  ).all(JSON.stringify(profileIds)) as { p: number; n: string }[];
  for (const r of rows) {
    const list = out.get(r.p);
    if (list) list.push(r.n);
    else out.set(r.p, [r.n]);
  }
  return out;
}

export function profileJson(databaseId: number, fields: FieldRow[], row: RecordRow, interests: string[], dataonly = false) {
  const base = { ID: String(row.id), fields: fieldsJson(fields, row), interests: row.removed ? [] : interests };
  if (dataonly) return { ...base, modified: row.modified };
  return {
    ...base,
    database: String(databaseId),
    secret: row.secret,
    created: row.created,
    modified: row.modified,
    removed: row.removed ?? false,
  };
}

export function subprofileJson(collection: CollectionRow, fields: FieldRow[], row: RecordRow, dataonly = false) {
  const f = fieldsJson(fields, row);
  if (dataonly)
    return { ID: String(row.id), fields: f, profile: String(row.profile_id), collection: String(collection.id), modified: row.modified };
  return {
    ID: String(row.id),
    secret: row.secret,
    fields: f,
    profile: String(row.profile_id),
    collection: String(collection.id),
    created: row.created,
    modified: row.modified,
    removed: row.removed ?? false,
  };
}

export function profileDatabaseId(db: Database.Database, profileId: number): number {
  return (stmt(db, 'SELECT database_id AS d FROM profiles WHERE id = ?').get(profileId) as { d: number }).d;
}

export function getProfileRow(db: Database.Database, profileId: number): { databaseId: number; row: RecordRow } {
  const databaseId = profileDatabaseId(db, profileId);
  const row = stmt(db, `SELECT * FROM ${profileTable(databaseId)} WHERE id = ?`).get(profileId) as RecordRow;
  return { databaseId, row };
}

export function getProfileJson(db: Database.Database, profileId: number) {
  const { databaseId, row } = getProfileRow(db, profileId);
  return profileJson(databaseId, listFields(db, databaseOwner(databaseId)), row, interestNames(db, [profileId]).get(profileId) ?? []);
}

export function getSubprofileRow(db: Database.Database, subprofileId: number): { collection: CollectionRow; row: RecordRow } {
  const { c } = stmt(db, 'SELECT collection_id AS c FROM subprofiles WHERE id = ?').get(subprofileId) as { c: number };
  const collection = findCollection(db, String(c)) as CollectionRow;
  const row = stmt(db, `SELECT * FROM ${subprofileTable(c)} WHERE id = ?`).get(subprofileId) as RecordRow;
  return { collection, row };
}

export interface ListSpec {
  table: string;
  where: string[];
  params: (string | number)[];
  order: string;
  start: number;
  limit: number;
}

/** Live rows of a values table, one page, plus a lazy total over the same conditions. */
export function listRows(db: Database.Database, spec: ListSpec): { rows: RecordRow[]; total: () => number } {
  const where = ['removed IS NULL', ...spec.where].join(' AND ');
  const rows =
    spec.start >= 0 && spec.limit > 0
      ? (stmt(db, `SELECT * FROM ${spec.table} WHERE ${where} ORDER BY ${spec.order} LIMIT ? OFFSET ?`).all(
          ...spec.params,
          spec.limit,
          spec.start,
        ) as RecordRow[])
      : [];
  const total = () => {
    // Without conditions the small partial index of live rows is the fastest way to count.
    const from = spec.where.length === 0 ? `${spec.table} INDEXED BY ${liveIndex(spec.table)}` : spec.table;
    return cachedCount(db, `SELECT count(*) AS n FROM ${from} WHERE ${where}`, spec.params);
  };
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Field input → coerced values. Names are case-insensitive, unknown names ignored, the last duplicate wins. */
export function coerceFields(fields: FieldRow[], input: Record<string, unknown>, now: Date): Map<FieldRow, Stored> {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const out = new Map<FieldRow, Stored>();
  for (const [name, value] of Object.entries(input)) {
    const field = byName.get(name.toLowerCase());
    if (field) out.set(field, normalizeValue(field, value, now));
  }
  return out;
}

/**
 * The `fields` property of a body: absent → {}, object → itself (arrays count as empty), anything else
 * → 400 `Invalid data provided` when `strict` (POST/PUT database/$id/profiles) or ignored otherwise.
 */
export function fieldsProperty(body: Record<string, unknown>, strict: boolean): Record<string, unknown> {
  const v = body.fields;
  if (v === undefined) return {};
  if (isObject(v)) return v;
  if (Array.isArray(v)) return {};
  if (strict) throw new ApiError(MESSAGES.invalidData);
  return {};
}

/** `secret` input: non-ASCII characters become `?`; a non-scalar or null value becomes "1" [peer]. */
export function secretValue(v: unknown): string {
  if (v === null || typeof v === 'object') return '1';
  return phpString(v).replace(/[^\x20-\x7e]/g, '?');
}

function insertRow(db: Database.Database, table: string, columns: Record<string, Stored | null>): void {
  const names = Object.keys(columns);
  stmt(db, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(columns));
}

function values(fields: FieldRow[], given: Map<FieldRow, Stored>, now: Date): Record<string, Stored> {
  const out: Record<string, Stored> = {};
  for (const f of fields) out[fieldColumn(f.id)] = given.has(f) ? (given.get(f) as Stored) : defaultValue(f, now);
  return out;
}

// --- change log (schema.ts migration 3): what the selections' Change condition reads ---------------

/** Which change log a record's field changes go to. */
export type RecordKind = 'profile' | 'subprofile';

const FIELD_LOG: Record<RecordKind, string> = {
  profile: 'INSERT INTO profile_field_changes (profile_id, field_id, ts) VALUES (?, ?, ?)',
  subprofile: 'INSERT INTO subprofile_field_changes (subprofile_id, field_id, ts) VALUES (?, ?, ?)',
};

function logInterestChange(db: Database.Database, profileId: number, interestId: number, gained: boolean, stamp: string): void {
  stmt(db, 'INSERT INTO profile_interest_changes (profile_id, interest_id, gained, ts) VALUES (?, ?, ?, ?)').run(
    profileId,
    interestId,
    gained ? 1 : 0,
    stamp,
  );
}

/** Forget the change log of a hard-deleted record or a deleted interest (a deleted field: model.ts deleteField). */
export function forgetChanges(db: Database.Database, what: { profile?: number; subprofile?: number; interest?: number }) {
  if (what.profile !== undefined) {
    stmt(db, 'DELETE FROM profile_field_changes WHERE profile_id = ?').run(what.profile);
    stmt(db, 'DELETE FROM profile_interest_changes WHERE profile_id = ?').run(what.profile);
  }
  if (what.subprofile !== undefined) stmt(db, 'DELETE FROM subprofile_field_changes WHERE subprofile_id = ?').run(what.subprofile);
  if (what.interest !== undefined) stmt(db, 'DELETE FROM profile_interest_changes WHERE interest_id = ?').run(what.interest);
}

/**
 * Update stored values. `modified` is bumped only when a normalised value really changes — except on a
 * removed record, where any non-empty update bumps it (docs/api/conventions.md §11–12). Every value that really
 * changed gets a row in the change log of `kind`, stamped like `modified`. Returns whether it changed.
 */
export function updateValues(
  ctx: EmulatorContext,
  kind: RecordKind,
  table: string,
  row: RecordRow,
  changes: Map<FieldRow, Stored>,
  forceTouch = false,
): boolean {
  const sets: string[] = [];
  const params: Stored[] = [];
  const changed: number[] = [];
  for (const [field, value] of changes) {
    const col = fieldColumn(field.id);
    if (row[col] !== value) {
      sets.push(`${col} = ?`);
      params.push(value);
      changed.push(field.id);
    }
  }
  const touch = sets.length > 0 || forceTouch || (row.removed !== null && changes.size > 0);
  if (!touch) return false;
  const stamp = formatTimestamp(ctx.now());
  sets.push('modified = ?');
  params.push(stamp);
  stmt(ctx.db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...params, row.id);
  const log = stmt(ctx.db, FIELD_LOG[kind]);
  for (const fieldId of changed) log.run(row.id, fieldId, stamp);
  return true;
}

// --- interests --------------------------------------------------------------------------------

/**
 * Interests input → interest IDs switched on/off. A list names interests to switch on; an object maps
 * name → 0/1/boolean. Names match case-insensitively, numeric strings also as IDs; unknown names are ignored.
 */
export function interestChanges(all: InterestRow[], input: unknown): Map<number, boolean> {
  const out = new Map<number, boolean>();
  const resolve = (key: string) =>
    all.filter((i) => i.name.toLowerCase() === key.toLowerCase() || (/^\d+$/.test(key) && i.id === Number(key))).map((i) => i.id);
  if (Array.isArray(input)) {
    for (const item of input)
      if (typeof item === 'string' || typeof item === 'number') for (const id of resolve(String(item))) out.set(id, true);
  } else if (isObject(input)) {
    for (const [key, on] of Object.entries(input)) for (const id of resolve(key)) out.set(id, truthy(on));
  } else if (typeof input === 'string' && input !== '') {
    for (const id of resolve(input)) out.set(id, true);
  }
  return out;
}

/**
 * POST = merge (only the named interests change), PUT = replace (everything else off). Returns whether
 * anything changed. With `stamp` (every write but profile creation) each interest gained or lost is logged.
 */
export function applyInterests(
  db: Database.Database,
  databaseId: number,
  profileId: number,
  input: unknown,
  mode: 'merge' | 'replace',
  stamp?: string,
): boolean {
  const changes = interestChanges(listInterests(db, databaseId), input);
  const current = new Set(
    (stmt(db, 'SELECT interest_id AS i FROM profile_interests WHERE profile_id = ?').all(profileId) as { i: number }[]).map((r) => r.i),
  );
  const wanted = new Set(mode === 'replace' ? [] : current);
  for (const [id, on] of changes) {
    if (on) wanted.add(id);
    else wanted.delete(id);
  }
  let changed = false;
  const add = stmt(db, 'INSERT OR IGNORE INTO profile_interests (profile_id, interest_id) VALUES (?, ?)');
  const remove = stmt(db, 'DELETE FROM profile_interests WHERE profile_id = ? AND interest_id = ?');
  for (const id of wanted) {
    if (current.has(id) || add.run(profileId, id).changes === 0) continue;
    changed = true;
    if (stamp !== undefined) logInterestChange(db, profileId, id, true, stamp);
  }
  for (const id of current) {
    if (wanted.has(id) || remove.run(profileId, id).changes === 0) continue;
    changed = true;
    if (stamp !== undefined) logInterestChange(db, profileId, id, false, stamp);
  }
  return changed;
}

// --- webhook payloads (webhook-creates.md, webhook-updates.md, webhook-deletes.md) --------------

function eventTimes(ctx: EmulatorContext) {
  const now = ctx.now();
  return { timestamp: formatTimestamp(now), time: Math.floor(now.getTime() / 1000) };
}

export function emitProfileEvent(
  ctx: EmulatorContext,
  trigger: Trigger,
  databaseId: number,
  profileId: number,
  parameters: unknown = {},
): void {
  if (!ctx.webhooks.wants(trigger, databaseId)) return;
  const { row } = getProfileRow(ctx.db, profileId);
  const fields = listFields(ctx.db, databaseOwner(databaseId));
  const payload: Record<string, unknown> = { type: trigger, ...eventTimes(ctx), profile: profileId, database: databaseId };
  if (trigger === 'delete') {
    // After a soft delete the API reads "" for every field; the event carries the last values.
    payload.fields = fieldsJson(fields, { ...row, removed: null });
  } else {
    Object.assign(payload, {
      parameters,
      created: row.created,
      modified: row.modified,
      fields: fieldsJson(fields, row),
      interests: interestNames(ctx.db, [profileId]).get(profileId) ?? [],
    });
  }
  ctx.webhooks.emit(trigger, databaseId, null, payload);
}

export function emitSubprofileEvent(
  ctx: EmulatorContext,
  trigger: Trigger,
  collection: CollectionRow,
  subprofileId: number,
  parameters: unknown = {},
): void {
  if (!ctx.webhooks.wants(trigger, collection.database_id, collection.id)) return;
  const row = stmt(ctx.db, `SELECT * FROM ${subprofileTable(collection.id)} WHERE id = ?`).get(subprofileId) as RecordRow;
  const fields = listFields(ctx.db, collectionOwner(collection));
  const payload: Record<string, unknown> = {
    type: trigger,
    ...eventTimes(ctx),
    subprofile: subprofileId,
    profile: row.profile_id,
    database: collection.database_id,
    collection: collection.id,
  };
  if (trigger === 'delete') payload.fields = fieldsJson(fields, { ...row, removed: null });
  else Object.assign(payload, { parameters, created: row.created, modified: row.modified, fields: fieldsJson(fields, row) });
  ctx.webhooks.emit(trigger, collection.database_id, collection.id, payload);
}

// --- profiles -----------------------------------------------------------------------------------

export function createProfile(
  ctx: EmulatorContext,
  databaseId: number,
  fieldInput: Record<string, unknown>,
  interests: unknown,
  parameters: unknown,
): number {
  const { db } = ctx;
  const now = ctx.now();
  const stamp = formatTimestamp(now);
  const id = Number(stmt(db, 'INSERT INTO profiles (database_id) VALUES (?)').run(databaseId).lastInsertRowid);
  const fields = listFields(db, databaseOwner(databaseId));
  insertRow(db, profileTable(databaseId), {
    id,
    secret: newSecret(),
    created: stamp,
    modified: stamp,
    removed: null,
    ...values(fields, coerceFields(fields, fieldInput, now), now),
  });
  // Creation is its own event (Change `new`, from `created`): the initial values and interests are not logged.
  if (interests !== undefined) applyInterests(db, databaseId, id, interests, 'merge');
  emitProfileEvent(ctx, 'create', databaseId, id, parameters);
  return id;
}

export interface ProfileUpdate {
  fields?: Record<string, unknown>;
  interests?: unknown;
  interestMode?: 'merge' | 'replace';
  secret?: unknown;
}

/** PUT profile/$id, PUT profile/$id/fields, bulk updates. Returns whether anything changed. */
export function updateProfile(ctx: EmulatorContext, profileId: number, update: ProfileUpdate, parameters: unknown): boolean {
  const { db } = ctx;
  const { databaseId, row } = getProfileRow(db, profileId);
  const table = profileTable(databaseId);
  let changed = false;
  if (update.secret !== undefined) {
    const secret = secretValue(update.secret);
    if (secret !== row.secret) {
      stmt(db, `UPDATE ${table} SET secret = ? WHERE id = ?`).run(secret, profileId); // never touches `modified`
      changed = true;
    }
  }
  const interestsChanged =
    update.interests !== undefined &&
    applyInterests(db, databaseId, profileId, update.interests, update.interestMode ?? 'merge', formatTimestamp(ctx.now()));
  const fields = listFields(db, databaseOwner(databaseId));
  const touched = updateValues(ctx, 'profile', table, row, coerceFields(fields, update.fields ?? {}, ctx.now()), interestsChanged);
  if (touched || interestsChanged) emitProfileEvent(ctx, 'update', databaseId, profileId, parameters);
  return changed || touched || interestsChanged;
}

/** Soft delete (also of its subprofiles), or a hard delete with `completely`. */
export function deleteProfile(ctx: EmulatorContext, profileId: number, completely: boolean): void {
  const { db } = ctx;
  const { databaseId, row } = getProfileRow(db, profileId);
  if (row.removed !== null) throw new ApiError(MESSAGES.profileRemoved);
  emitProfileEvent(ctx, 'delete', databaseId, profileId);
  const stamp = formatTimestamp(ctx.now());
  const collections = stmt(db, 'SELECT id FROM collections WHERE database_id = ?').all(databaseId) as { id: number }[];
  if (completely) {
    for (const c of collections) stmt(db, `DELETE FROM ${subprofileTable(c.id)} WHERE profile_id = ?`).run(profileId);
    stmt(db, 'DELETE FROM subprofile_field_changes WHERE subprofile_id IN (SELECT id FROM subprofiles WHERE profile_id = ?)').run(
      profileId,
    );
    stmt(db, 'DELETE FROM subprofiles WHERE profile_id = ?').run(profileId);
    stmt(db, 'DELETE FROM profile_interests WHERE profile_id = ?').run(profileId);
    stmt(db, `DELETE FROM ${profileTable(databaseId)} WHERE id = ?`).run(profileId);
    stmt(db, 'DELETE FROM profiles WHERE id = ?').run(profileId);
    forgetChanges(db, { profile: profileId });
    return;
  }
  // Deletion does not change `modified` (docs/api/conventions.md §11).
  stmt(db, `UPDATE ${profileTable(databaseId)} SET removed = ? WHERE id = ?`).run(stamp, profileId);
  for (const c of collections)
    stmt(db, `UPDATE ${subprofileTable(c.id)} SET removed = ? WHERE profile_id = ? AND removed IS NULL`).run(stamp, profileId);
}

// --- subprofiles --------------------------------------------------------------------------------

export function createSubprofile(
  ctx: EmulatorContext,
  collection: CollectionRow,
  profileId: number,
  fieldInput: Record<string, unknown>,
  parameters: unknown,
): number {
  const { db } = ctx;
  const now = ctx.now();
  const stamp = formatTimestamp(now);
  const id = Number(
    stmt(db, 'INSERT INTO subprofiles (collection_id, profile_id) VALUES (?, ?)').run(collection.id, profileId).lastInsertRowid,
  );
  const fields = listFields(db, collectionOwner(collection));
  insertRow(db, subprofileTable(collection.id), {
    id,
    profile_id: profileId,
    secret: newSecret(),
    created: stamp,
    modified: stamp,
    removed: null,
    ...values(fields, coerceFields(fields, fieldInput, now), now),
  });
  emitSubprofileEvent(ctx, 'create', collection, id, parameters);
  return id;
}

export function updateSubprofile(
  ctx: EmulatorContext,
  collection: CollectionRow,
  row: RecordRow,
  update: { fields?: Record<string, unknown>; secret?: unknown },
  parameters: unknown,
): boolean {
  const table = subprofileTable(collection.id);
  let changed = false;
  if (update.secret !== undefined) {
    const secret = secretValue(update.secret);
    if (secret !== row.secret) {
      stmt(ctx.db, `UPDATE ${table} SET secret = ? WHERE id = ?`).run(secret, row.id);
      changed = true;
    }
  }
  const fields = listFields(ctx.db, collectionOwner(collection));
  const touched = updateValues(ctx, 'subprofile', table, row, coerceFields(fields, update.fields ?? {}, ctx.now()));
  if (touched) emitSubprofileEvent(ctx, 'update', collection, row.id, parameters);
  return changed || touched;
}

export function deleteSubprofile(ctx: EmulatorContext, collection: CollectionRow, row: RecordRow, completely: boolean): void {
  if (row.removed !== null) throw new ApiError(MESSAGES.subprofileRemoved);
  emitSubprofileEvent(ctx, 'delete', collection, row.id);
  const table = subprofileTable(collection.id);
  if (completely) {
    stmt(ctx.db, `DELETE FROM ${table} WHERE id = ?`).run(row.id);
    stmt(ctx.db, 'DELETE FROM subprofiles WHERE id = ?').run(row.id);
    forgetChanges(ctx.db, { subprofile: row.id });
  } else {
    stmt(ctx.db, `UPDATE ${table} SET removed = ? WHERE id = ?`).run(formatTimestamp(ctx.now()), row.id);
  }
}
