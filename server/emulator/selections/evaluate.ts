// Entry point of the engine: the members of a view or miniview as one SQL predicate over its values table,
// and the member IDs themselves (remembered until the next write, like the core's list totals).
import type Database from 'better-sqlite3';
import { liveIndex } from '../core/storage.ts';
import { compileSet } from './compile/sets.ts';
import type { Level } from './store.ts';

export interface CompiledSelection {
  /** profiles_<db> or subprofiles_<collection>. */
  table: string;
  /** Membership predicate with the table's own name as the row alias, for `SELECT … FROM <table> WHERE …`. */
  where: string;
}

export function compileSelection(db: Database.Database, now: Date, level: Level, id: number): CompiledSelection | undefined {
  const set = compileSet(db, now, level, id);
  return set && { table: set.table, where: set.member(set.table) };
}

/**
 * When the predicate reads nothing of the row but `id` and `removed` (e.g. a view of one MiniView, Email or
 * ReferView condition), the small partial index of live rows answers it: no read of the wide table rows.
 */
function rowSource({ table, where }: CompiledSelection): string {
  const columns = new Set([...where.matchAll(new RegExp(`\\b${table}\\.(\\w+)`, 'g'))].map((m) => m[1]));
  // The index is partial (removed IS NULL): SQLite may only use it when the WHERE says so at the top level.
  const live = where === `${table}.removed IS NULL` || where.startsWith(`(${table}.removed IS NULL) AND `);
  return live && [...columns].every((c) => c === 'id' || c === 'removed') ? `${table} INDEXED BY ${liveIndex(table)}` : table;
}

const remembered = new WeakMap<Database.Database, Map<string, { version: string; ids: number[] }>>();

/**
 * Member IDs in ascending order. The compiled SQL holds every input (rules, conditions and the time bounds
 * resolved against the clock), so a result stays valid until the data changes: any write on this connection
 * (total_changes) or a commit by another one (data_version). Paging through a view then evaluates it once.
 */
export function selectionIds(db: Database.Database, now: Date, level: Level, id: number): number[] {
  const compiled = compileSelection(db, now, level, id);
  if (!compiled) return [];
  const sql = `SELECT id FROM ${rowSource(compiled)} WHERE ${compiled.where} ORDER BY id`;
  const version = `${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}:${db.pragma('data_version', { simple: true })}`;
  let cache = remembered.get(db);
  if (!cache) {
    cache = new Map();
    remembered.set(db, cache);
  }
  const hit = cache.get(sql);
  if (hit && hit.version === version) return hit.ids;
  const ids = db.prepare(sql).pluck().all() as number[];
  if (cache.size >= 16) cache.clear();
  cache.set(sql, { version, ids });
  return ids;
}
