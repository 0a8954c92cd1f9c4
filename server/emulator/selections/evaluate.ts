// Entry point of the engine: the members of a view or miniview as one SQL predicate over its values table.
import type Database from 'better-sqlite3';
import { compileSet } from './compile/sets.ts';
import { createEnv } from './compile/sql.ts';
import type { Level } from './store.ts';

export interface CompiledSelection {
  /** profiles_<db> or subprofiles_<collection>. */
  table: string;
  /** Membership predicate with the table's own name as the row alias, for `SELECT … FROM <table> WHERE …`. */
  where: string;
}

export function compileSelection(db: Database.Database, now: Date, level: Level, id: number): CompiledSelection | undefined {
  const set = compileSet(createEnv(db, now), level, id);
  return set && { table: set.table, where: set.member(set.table) };
}

/** Member IDs in ascending order (tests, demo checks, profileids). */
export function selectionIds(db: Database.Database, now: Date, level: Level, id: number): number[] {
  const compiled = compileSelection(db, now, level, id);
  if (!compiled) return [];
  return (db.prepare(`SELECT id FROM ${compiled.table} WHERE ${compiled.where} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
}
