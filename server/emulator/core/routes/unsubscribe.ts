// Unsubscribe behaviour: restv3/rest-get-database-unsubscribe.md, rest-put-database-unsubscribe.md,
// rest-get-collection-unsubscribe.md, rest-put-collection-unsubscribe.md, and its execution on one
// (sub)profile or on every match of a fields[] filter (docs/api/databases.md §5).
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorContext, EmulatorEnv } from '../context.ts';
import { compileFilter } from '../filter.ts';
import { ApiError, isObject, json, MESSAGES, noContent, readObjectBody } from '../http.ts';
import { type CollectionRow, type FieldOwner, listFields } from '../model.ts';
import {
  collectionOwner,
  databaseOwner,
  deleteProfile,
  deleteSubprofile,
  getProfileRow,
  getSubprofileRow,
  inTransaction,
  type RecordRow,
  updateProfile,
  updateSubprofile,
} from '../records.ts';
import { profileTable, subprofileTable } from '../storage.ts';
import { formatValue, normalizeValue } from '../values.ts';

const BEHAVIORS = ['nothing', 'remove', 'update'];

interface Behavior {
  behavior: string;
  fields: Record<string, string>;
}

function readBehavior(row: { unsubscribe_behavior: string; unsubscribe_fields: string }): Behavior {
  return { behavior: row.unsubscribe_behavior, fields: row.unsubscribe_behavior === 'update' ? JSON.parse(row.unsubscribe_fields) : {} };
}

async function putBehavior(c: Context<EmulatorEnv>, table: 'databases' | 'collections', id: number, owner: FieldOwner) {
  const ctx = c.get('ctx');
  const body = await readObjectBody(c);
  const behavior = body.behavior;
  if (typeof behavior !== 'string' || !BEHAVIORS.includes(behavior)) {
    throw new ApiError(`${MESSAGES.invalidData}: behavior must be one of nothing, remove, update`);
  }
  if (behavior === 'update' && !isObject(body.fields))
    throw new ApiError(`${MESSAGES.invalidData}: behavior "update" needs a fields object`);
  // Unknown field names are dropped; values are normalised like profile values.
  const fields: Record<string, string> = {};
  if (isObject(body.fields)) {
    const defs = listFields(ctx.db, owner);
    for (const [name, value] of Object.entries(body.fields)) {
      const def = defs.find((f) => f.name.toLowerCase() === name.toLowerCase());
      if (def) fields[def.name] = formatValue(normalizeValue(def, value, ctx.now()));
    }
  }
  inTransaction(ctx, () =>
    ctx.db
      .prepare(`UPDATE ${table} SET unsubscribe_behavior = ?, unsubscribe_fields = ? WHERE id = ?`)
      .run(behavior, JSON.stringify(fields), id),
  );
  return noContent();
}

function unsubscribeProfile(ctx: EmulatorContext, b: Behavior, profileId: number) {
  if (b.behavior === 'remove') deleteProfile(ctx, profileId, false);
  else if (b.behavior === 'update') updateProfile(ctx, profileId, { fields: b.fields }, { fields: b.fields });
}

function unsubscribeSubprofile(ctx: EmulatorContext, b: Behavior, collection: CollectionRow, row: RecordRow) {
  if (b.behavior === 'remove') deleteSubprofile(ctx, collection, row, false);
  else if (b.behavior === 'update') updateSubprofile(ctx, collection, row, { fields: b.fields }, { fields: b.fields });
}

function requiredFilter(c: Context<EmulatorEnv>): string[] {
  const expressions = c.get('query').list('fields');
  if (!expressions || expressions.length === 0) throw new ApiError(MESSAGES.fieldsRequired);
  return expressions;
}

export function registerUnsubscribeRoutes(app: EmulatorApp): void {
  app.get('/database/:database/unsubscribe', (c) => json(readBehavior(c.get('database'))));
  app.on(['PUT', 'POST'], '/database/:database/unsubscribe', (c) =>
    putBehavior(c, 'databases', c.get('database').id, databaseOwner(c.get('database').id)),
  );
  app.get('/collection/:collection/unsubscribe', (c) => json(readBehavior(c.get('collection'))));
  app.on(['PUT', 'POST'], '/collection/:collection/unsubscribe', (c) =>
    putBehavior(c, 'collections', c.get('collection').id, collectionOwner(c.get('collection'))),
  );

  app.on(['PUT', 'POST'], '/profile/:profile/unsubscribe', (c) => {
    const ctx = c.get('ctx');
    const profileId = c.get('profileId');
    inTransaction(ctx, () => {
      const { databaseId, row } = getProfileRow(ctx.db, profileId);
      if (row.removed !== null) return; // nothing left to unsubscribe
      const database = ctx.db.prepare('SELECT * FROM databases WHERE id = ?').get(databaseId) as Parameters<typeof readBehavior>[0];
      unsubscribeProfile(ctx, readBehavior(database), profileId);
    });
    return noContent();
  });
  app.on(['PUT', 'POST'], '/subprofile/:subprofile/unsubscribe', (c) => {
    const ctx = c.get('ctx');
    inTransaction(ctx, () => {
      const { collection, row } = getSubprofileRow(ctx.db, c.get('subprofileId'));
      if (row.removed === null) unsubscribeSubprofile(ctx, readBehavior(collection), collection, row);
    });
    return noContent();
  });

  app.on(['PUT', 'POST'], '/database/:database/unsubscribes', (c) => {
    const ctx = c.get('ctx');
    const database = c.get('database');
    const expressions = requiredFilter(c);
    inTransaction(ctx, () => {
      const filter = compileFilter(expressions, listFields(ctx.db, databaseOwner(database.id)), ctx.now());
      const where = ['removed IS NULL', ...filter.where].join(' AND ');
      const ids = ctx.db.prepare(`SELECT id FROM ${profileTable(database.id)} WHERE ${where} ORDER BY id`).all(...filter.params) as {
        id: number;
      }[];
      const behavior = readBehavior(database);
      for (const { id } of ids) unsubscribeProfile(ctx, behavior, id);
    });
    return noContent();
  });
  app.on(['PUT', 'POST'], '/collection/:collection/unsubscribes', (c) => {
    const ctx = c.get('ctx');
    const collection = c.get('collection');
    const expressions = requiredFilter(c);
    inTransaction(ctx, () => {
      const filter = compileFilter(expressions, listFields(ctx.db, collectionOwner(collection)), ctx.now());
      const where = ['removed IS NULL', ...filter.where].join(' AND ');
      const rows = ctx.db
        .prepare(`SELECT * FROM ${subprofileTable(collection.id)} WHERE ${where} ORDER BY id`)
        .all(...filter.params) as RecordRow[];
      const behavior = readBehavior(collection);
      for (const row of rows) unsubscribeSubprofile(ctx, behavior, collection, row);
    });
    return noContent();
  });
}
