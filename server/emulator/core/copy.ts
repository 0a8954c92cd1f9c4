// POST database/$id/copy (restv3/rest-post-database-copy.md): the structure (fields, interests, intentions,
// unsubscribe behaviour) always; collections, profiles and subprofiles on request. Views and miniviews belong
// to the selections module, which gets a `copyDatabase` hook with the ID maps.
import type { CopyOptions, CopyResult, EmulatorContext } from './context.ts';
import {
  type DatabaseRow,
  type FieldRow,
  insertCollection,
  insertDatabase,
  insertField,
  insertInterest,
  listCollections,
  listFields,
  listInterests,
} from './model.ts';
import { collectionOwner, databaseOwner, newSecret, type RecordRow } from './records.ts';
import { fieldColumn, profileTable, subprofileTable } from './storage.ts';
import { formatTimestamp } from './time.ts';

const CHUNK = 5000;

function copyFields(ctx: EmulatorContext, from: FieldRow[], owner: Parameters<typeof insertField>[1], map: Map<number, number>) {
  for (const f of from) {
    map.set(
      f.id,
      insertField(ctx.db, owner, {
        name: f.name,
        type: f.type,
        value: f.value,
        displayed: f.displayed === 1,
        ordered: f.ordered === 1,
        length: f.length,
        textlines: f.textlines,
        hidden: f.hidden === 1,
        index: f.indexed === 1,
        lock: f.locked === 1,
      }),
    );
  }
}

/** Copy the live rows of one values table in chunks, allocating new IDs in the registry. */
function copyRows(
  ctx: EmulatorContext,
  source: { table: string; fields: FieldRow[] },
  target: { table: string; register: (row: RecordRow) => number | undefined },
  fieldMap: Map<number, number>,
  idMap: Map<number, number>,
  extra: (row: RecordRow) => Record<string, number> = () => ({}),
) {
  const stamp = formatTimestamp(ctx.now());
  let last = 0;
  for (;;) {
    const rows = ctx.db
      .prepare(`SELECT * FROM ${source.table} WHERE removed IS NULL AND id > ? ORDER BY id LIMIT ${CHUNK}`)
      .all(last) as RecordRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      last = row.id;
      const id = target.register(row);
      if (id === undefined) continue;
      idMap.set(row.id, id);
      const cols: Record<string, unknown> = { id, ...extra(row), secret: newSecret(), created: stamp, modified: stamp };
      for (const f of source.fields) cols[fieldColumn(fieldMap.get(f.id) as number)] = row[fieldColumn(f.id)];
      const names = Object.keys(cols);
      ctx.db
        .prepare(`INSERT INTO ${target.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .run(...Object.values(cols));
    }
  }
}

export function copyDatabase(ctx: EmulatorContext, source: DatabaseRow, name: string, options: CopyOptions): CopyResult {
  const { db } = ctx;
  const to = insertDatabase(db, { name, description: source.description, created: formatTimestamp(ctx.now()) });
  db.prepare(
    `UPDATE databases SET intent_email = ?, intent_sms = ?, intent_fax = ?, intent_pdf = ?, unsubscribe_behavior = ?, unsubscribe_fields = ? WHERE id = ?`,
  ).run(
    source.intent_email,
    source.intent_sms,
    source.intent_fax,
    source.intent_pdf,
    source.unsubscribe_behavior,
    source.unsubscribe_fields,
    to,
  );
  const result: CopyResult = {
    from: source.id,
    to,
    options,
    fields: new Map(),
    interests: new Map(),
    collections: new Map(),
    profiles: new Map(),
    subprofiles: new Map(),
  };
  const fields = listFields(db, databaseOwner(source.id));
  copyFields(ctx, fields, databaseOwner(to), result.fields);
  for (const i of listInterests(db, source.id)) result.interests.set(i.id, insertInterest(db, to, i.name, i.group_name));

  const collections = options.collections ? listCollections(db, source.id) : [];
  for (const c of collections) {
    const id = insertCollection(db, to, { name: c.name, description: c.description });
    db.prepare(
      `UPDATE collections SET intent_email = ?, intent_sms = ?, intent_fax = ?, intent_pdf = ?, unsubscribe_behavior = ?, unsubscribe_fields = ? WHERE id = ?`,
    ).run(c.intent_email, c.intent_sms, c.intent_fax, c.intent_pdf, c.unsubscribe_behavior, c.unsubscribe_fields, id);
    result.collections.set(c.id, id);
    copyFields(ctx, listFields(db, collectionOwner(c)), collectionOwner({ ...c, id, database_id: to }), result.fields);
  }

  if (options.profiles) {
    const register = db.prepare('INSERT INTO profiles (database_id) VALUES (?)');
    copyRows(
      ctx,
      { table: profileTable(source.id), fields },
      { table: profileTable(to), register: () => Number(register.run(to).lastInsertRowid) },
      result.fields,
      result.profiles,
    );
    const addInterest = db.prepare('INSERT INTO profile_interests (profile_id, interest_id) VALUES (?, ?)');
    for (const [oldId, newId] of result.profiles) {
      for (const { i } of db.prepare('SELECT interest_id AS i FROM profile_interests WHERE profile_id = ?').all(oldId) as { i: number }[]) {
        addInterest.run(newId, result.interests.get(i));
      }
    }
  }

  if (options.subprofiles && options.collections && options.profiles) {
    const register = db.prepare('INSERT INTO subprofiles (collection_id, profile_id) VALUES (?, ?)');
    for (const c of collections) {
      const newCollection = result.collections.get(c.id) as number;
      copyRows(
        ctx,
        { table: subprofileTable(c.id), fields: listFields(db, collectionOwner(c)) },
        {
          table: subprofileTable(newCollection),
          register: (row) => {
            const profile = result.profiles.get(row.profile_id as number);
            return profile === undefined ? undefined : Number(register.run(newCollection, profile).lastInsertRowid);
          },
        },
        result.fields,
        result.subprofiles,
        (row) => ({ profile_id: result.profiles.get(row.profile_id as number) as number }),
      );
    }
  }
  return result;
}
