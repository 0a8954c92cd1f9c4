// Small performance helpers: a prepared-statement cache and a cache of list totals.
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A cached prepared statement. The cache is emptied on every schema change (see model.ts). */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    if (cache.size > 500) cache.clear();
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

export function clearStatements(db: Database.Database): void {
  statements.get(db)?.clear();
}

const counts = new WeakMap<Database.Database, Map<string, { version: string; n: number }>>();

/**
 * count(*) of a query, remembered until anything is written. Paging through a list repeats the same
 * count for every page; on 1M rows it is most of the cost. Any INSERT/UPDATE/DELETE on this connection
 * (total_changes) or a commit by another connection (data_version) invalidates it.
 */
export function cachedCount(db: Database.Database, sql: string, params: unknown[]): number {
  const version = `${(stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n}:${db.pragma('data_version', { simple: true })}`;
  let cache = counts.get(db);
  if (!cache) {
    cache = new Map();
    counts.set(db, cache);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.n;
  const n = (stmt(db, sql).get(...params) as { n: number }).n;
  if (cache.size > 200) cache.clear();
  cache.set(key, { version, n });
  return n;
}
