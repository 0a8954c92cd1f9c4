// The catalogue: databases, collections, fields and interests — rows, lookups and their JSON shapes
// (docs/api/databases.md §0). Write operations used by both the routes and the demo generator live here too.
import type Database from 'better-sqlite3';
import { clearStatements, stmt } from './sql.ts';
import {
  addFieldColumn,
  createProfileTable,
  createSubprofileTable,
  dropFieldColumn,
  profileTable,
  retypeFieldColumn,
  setFieldIndex,
  subprofileTable,
} from './storage.ts';
import { type FieldDef, type FieldType, normalizeValue } from './values.ts';

export interface DatabaseRow {
  id: number;
  name: string;
  description: string;
  archived: number;
  created: string;
  intent_email: number | null;
  intent_sms: number | null;
  intent_fax: number | null;
  intent_pdf: number | null;
  unsubscribe_behavior: string;
  unsubscribe_fields: string;
}

export interface CollectionRow {
  id: number;
  database_id: number;
  name: string;
  description: string;
  intent_email: number | null;
  intent_sms: number | null;
  intent_fax: number | null;
  intent_pdf: number | null;
  unsubscribe_behavior: string;
  unsubscribe_fields: string;
}

export interface FieldRow {
  id: number;
  database_id: number;
  collection_id: number | null;
  name: string;
  type: FieldType;
  value: string;
  displayed: number;
  ordered: number;
  length: number;
  textlines: number;
  hidden: number;
  indexed: number;
  locked: number;
}

export interface InterestRow {
  id: number;
  database_id: number;
  name: string;
  group_name: string;
}

/** The embedded, unpageable wrappers inside database/collection objects (docs/api/databases.md §0). */
export function embedded<T>(items: T[], limit: number): Record<string, unknown> {
  return { start: 0, limit, count: items.length, data: items, total: items.length };
}

/** The owner of a set of fields: a database (profiles) or a collection (subprofiles). */
export type FieldOwner = { kind: 'database'; id: number } | { kind: 'collection'; id: number; databaseId: number };

export const ownerTable = (owner: FieldOwner) => (owner.kind === 'database' ? profileTable(owner.id) : subprofileTable(owner.id));

// ---------------------------------------------------------------------------------------------
// Lookups

/** By ID, or by name (case-insensitive; names are never numeric) (docs/api/conventions.md §1). */
export function findDatabase(db: Database.Database, idOrName: string): DatabaseRow | undefined {
  if (/^\d+$/.test(idOrName)) return stmt(db, 'SELECT * FROM databases WHERE id = ?').get(Number(idOrName)) as DatabaseRow | undefined;
  return stmt(db, 'SELECT * FROM databases WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(idOrName) as DatabaseRow | undefined;
}

export function findCollection(db: Database.Database, idOrName: string, databaseId?: number): CollectionRow | undefined {
  if (/^\d+$/.test(idOrName)) return stmt(db, 'SELECT * FROM collections WHERE id = ?').get(Number(idOrName)) as CollectionRow | undefined;
  if (databaseId === undefined) return undefined;
  return stmt(db, 'SELECT * FROM collections WHERE database_id = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(
    databaseId,
    idOrName,
  ) as CollectionRow | undefined;
}

export function listFields(db: Database.Database, owner: FieldOwner): FieldRow[] {
  return (
    owner.kind === 'database'
      ? stmt(db, 'SELECT * FROM fields WHERE database_id = ? AND collection_id IS NULL ORDER BY id').all(owner.id)
      : stmt(db, 'SELECT * FROM fields WHERE collection_id = ? ORDER BY id').all(owner.id)
  ) as FieldRow[];
}

/** A field of this owner by ID or (case-insensitive) name. */
export function findField(db: Database.Database, owner: FieldOwner, idOrName: string): FieldRow | undefined {
  return listFields(db, owner).find((f) =>
    /^\d+$/.test(idOrName) ? f.id === Number(idOrName) : f.name.toLowerCase() === idOrName.toLowerCase(),
  );
}

export function listInterests(db: Database.Database, databaseId: number): InterestRow[] {
  return stmt(db, 'SELECT * FROM interests WHERE database_id = ? ORDER BY id').all(databaseId) as InterestRow[];
}

export function listCollections(db: Database.Database, databaseId: number): CollectionRow[] {
  return stmt(db, 'SELECT * FROM collections WHERE database_id = ? ORDER BY id').all(databaseId) as CollectionRow[];
}

export const fieldDef = (f: FieldRow): FieldDef => ({ id: f.id, name: f.name, type: f.type, value: f.value, length: f.length });

// ---------------------------------------------------------------------------------------------
// JSON shapes (IDs as strings; booleans for flags; length/textlines as numeric strings)

export function fieldJson(f: FieldRow) {
  return {
    ID: String(f.id),
    name: f.name,
    type: f.type,
    value: f.value,
    displayed: f.displayed === 1,
    ordered: f.ordered === 1,
    length: String(f.length),
    textlines: String(f.textlines),
    hidden: f.hidden === 1,
    index: f.indexed === 1,
  };
}

export const interestJson = (i: InterestRow) => ({ ID: String(i.id), name: i.name, group: i.group_name });

export function intentionsJson(row: {
  intent_email: number | null;
  intent_sms: number | null;
  intent_fax: number | null;
  intent_pdf: number | null;
}) {
  return { email: row.intent_email, sms: row.intent_sms, fax: row.intent_fax, pdf: row.intent_pdf };
}

export function collectionJson(db: Database.Database, c: CollectionRow) {
  const fields = listFields(db, { kind: 'collection', id: c.id, databaseId: c.database_id }).map(fieldJson);
  return { ID: String(c.id), name: c.name, database: String(c.database_id), fields: embedded(fields, 100), intentions: intentionsJson(c) };
}

export function databaseJson(db: Database.Database, d: DatabaseRow) {
  return {
    ID: String(d.id),
    name: d.name,
    description: d.description,
    archived: d.archived === 1,
    created: d.created,
    fields: embedded(listFields(db, { kind: 'database', id: d.id }).map(fieldJson), 1000),
    interests: embedded(listInterests(db, d.id).map(interestJson), 1000),
    collections: embedded(
      listCollections(db, d.id).map((c) => collectionJson(db, c)),
      1000,
    ),
    intentions: intentionsJson(d),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes (callers wrap them in a transaction)

export function insertDatabase(
  db: Database.Database,
  props: { name: string; description?: string; archived?: boolean; created: string },
): number {
  const id = Number(
    stmt(db, 'INSERT INTO databases (name, description, archived, created) VALUES (?, ?, ?, ?)').run(
      props.name,
      props.description ?? '',
      props.archived ? 1 : 0,
      props.created,
    ).lastInsertRowid,
  );
  createProfileTable(db, id);
  clearStatements(db);
  return id;
}

export function insertCollection(db: Database.Database, databaseId: number, props: { name: string; description?: string }): number {
  const id = Number(
    stmt(db, 'INSERT INTO collections (database_id, name, description) VALUES (?, ?, ?)').run(
      databaseId,
      props.name,
      props.description ?? '',
    ).lastInsertRowid,
  );
  createSubprofileTable(db, id);
  clearStatements(db);
  return id;
}

export interface FieldProps {
  name: string;
  type: FieldType;
  value: string;
  displayed: boolean;
  ordered: boolean;
  length: number;
  textlines: number;
  hidden: boolean;
  index: boolean;
  lock: boolean;
}

/** Create a field and its column. `deferIndex` lets the demo generator build indexes after the bulk load. */
export function insertField(db: Database.Database, owner: FieldOwner, p: FieldProps, opts: { deferIndex?: boolean } = {}): number {
  const databaseId = owner.kind === 'database' ? owner.id : owner.databaseId;
  const collectionId = owner.kind === 'collection' ? owner.id : null;
  const id = Number(
    stmt(
      db,
      `INSERT INTO fields (database_id, collection_id, name, type, value, displayed, ordered, length, textlines, hidden, indexed, locked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(databaseId, collectionId, p.name, p.type, p.value, +p.displayed, +p.ordered, p.length, p.textlines, +p.hidden, +p.index, +p.lock)
      .lastInsertRowid,
  );
  addFieldColumn(db, ownerTable(owner), id, p.type, p.index && !opts.deferIndex);
  clearStatements(db); // cached `SELECT *` statements must see the new column
  return id;
}

export function updateField(db: Database.Database, owner: FieldOwner, old: FieldRow, p: FieldProps, now: Date): void {
  stmt(
    db,
    `UPDATE fields SET name = ?, type = ?, value = ?, displayed = ?, ordered = ?, length = ?, textlines = ?, hidden = ?, indexed = ?, locked = ?
     WHERE id = ?`,
  ).run(p.name, p.type, p.value, +p.displayed, +p.ordered, p.length, p.textlines, +p.hidden, +p.index, +p.lock, old.id);
  const table = ownerTable(owner);
  if (p.type !== old.type || (p.type === 'select' && p.value !== old.value)) {
    // Re-normalise stored values to the new type (docs/api/databases.md §2: recommended).
    const def = { type: p.type, value: p.value, length: p.length };
    retypeFieldColumn(db, table, old.id, p.type, p.index, (v) => normalizeValue(def, v, now));
  } else if (p.index !== (old.indexed === 1)) {
    setFieldIndex(db, table, old.id, p.index);
  }
  clearStatements(db);
}

export function deleteField(db: Database.Database, owner: FieldOwner, field: FieldRow): void {
  stmt(db, 'DELETE FROM fields WHERE id = ?').run(field.id);
  stmt(db, `DELETE FROM ${owner.kind === 'database' ? 'profile' : 'subprofile'}_field_changes WHERE field_id = ?`).run(field.id);
  dropFieldColumn(db, ownerTable(owner), field.id);
  clearStatements(db);
}

export function insertInterest(db: Database.Database, databaseId: number, name: string, group: string): number {
  return Number(
    stmt(db, 'INSERT INTO interests (database_id, name, group_name) VALUES (?, ?, ?)').run(databaseId, name, group).lastInsertRowid,
  );
}
