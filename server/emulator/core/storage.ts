// Storage of profile and subprofile values: one real table per database / collection, one typed column per
// field, real indexes for fields marked `index`. That keeps listing and `fields[]` filters plain SQL.
//
//   profiles_<databaseId>      id, secret, created, modified, removed, f<fieldId>...
//   subprofiles_<collectionId> id, profile_id, secret, created, modified, removed, f<fieldId>...
//
// `removed` is NULL for live rows, else the soft-delete timestamp (docs/api/conventions.md §11).
import type Database from 'better-sqlite3';
import { columnDecl, type FieldType } from './values.ts';

export const profileTable = (databaseId: number) => `profiles_${databaseId}`;
export const subprofileTable = (collectionId: number) => `subprofiles_${collectionId}`;
export const fieldColumn = (fieldId: number) => `f${fieldId}`;
const fieldIndex = (table: string, fieldId: number) => `${table}_f${fieldId}`;

export function createProfileTable(db: Database.Database, databaseId: number): void {
  const t = profileTable(databaseId);
  db.exec(`CREATE TABLE ${t} (
    id INTEGER PRIMARY KEY, secret TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, removed TEXT);
    CREATE INDEX ${t}_live ON ${t}(id) WHERE removed IS NULL;
    CREATE INDEX ${t}_modified ON ${t}(modified);`);
}

export function createSubprofileTable(db: Database.Database, collectionId: number): void {
  const t = subprofileTable(collectionId);
  db.exec(`CREATE TABLE ${t} (
    id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL, secret TEXT NOT NULL, created TEXT NOT NULL,
    modified TEXT NOT NULL, removed TEXT);
    CREATE INDEX ${t}_profile ON ${t}(profile_id);
    CREATE INDEX ${t}_live ON ${t}(id) WHERE removed IS NULL;
    CREATE INDEX ${t}_modified ON ${t}(modified);`);
}

/** Name of the partial index over live rows; `INDEXED BY` it makes an unfiltered count(*) ~5x faster. */
export const liveIndex = (table: string) => `${table}_live`;

export function dropValuesTable(db: Database.Database, table: string): void {
  db.exec(`DROP TABLE IF EXISTS ${table}`);
}

export function addFieldColumn(db: Database.Database, table: string, fieldId: number, type: FieldType, indexed: boolean): void {
  db.exec(`ALTER TABLE ${table} ADD COLUMN ${fieldColumn(fieldId)} ${columnDecl(type)}`);
  if (indexed) setFieldIndex(db, table, fieldId, true);
}

export function setFieldIndex(db: Database.Database, table: string, fieldId: number, indexed: boolean): void {
  const name = fieldIndex(table, fieldId);
  // Partial: every API query (and every selection) reads live rows only, and the index then also
  // answers count(*) on its own, without touching the table.
  db.exec(
    indexed
      ? `CREATE INDEX IF NOT EXISTS ${name} ON ${table}(${fieldColumn(fieldId)}) WHERE removed IS NULL`
      : `DROP INDEX IF EXISTS ${name}`,
  );
}

export function dropFieldColumn(db: Database.Database, table: string, fieldId: number): void {
  setFieldIndex(db, table, fieldId, false);
  db.exec(`ALTER TABLE ${table} DROP COLUMN ${fieldColumn(fieldId)}`);
}

/**
 * Change the type of a field: SQLite cannot alter a column's declaration, so build a new column,
 * copy the re-normalised values (by `convert`), drop the old one and rename.
 */
export function retypeFieldColumn(
  db: Database.Database,
  table: string,
  fieldId: number,
  type: FieldType,
  indexed: boolean,
  convert: (old: unknown) => string | number,
): void {
  const col = fieldColumn(fieldId);
  const tmp = `${col}_new`;
  db.exec(`ALTER TABLE ${table} ADD COLUMN ${tmp} ${columnDecl(type)}`);
  const update = db.prepare(`UPDATE ${table} SET ${tmp} = ? WHERE id = ?`);
  for (const row of db.prepare(`SELECT id, ${col} AS v FROM ${table}`).all() as { id: number; v: unknown }[]) {
    update.run(convert(row.v), row.id);
  }
  dropFieldColumn(db, table, fieldId);
  db.exec(`ALTER TABLE ${table} RENAME COLUMN ${tmp} TO ${col}`);
  if (indexed) setFieldIndex(db, table, fieldId, true);
}
