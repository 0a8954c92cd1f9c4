// Small SQL building blocks for the selection compiler. Values are inlined as quoted literals (never
// concatenated raw), which keeps composed predicates free of positional-parameter bookkeeping and lets the
// SQLite planner see the constants (index use, constant folding).
import type Database from 'better-sqlite3';
import type { FieldRow } from '../../core/model.ts';
import type { Level } from '../store.ts';
import type { Window } from '../time-window.ts';

/** A predicate over one row of a profile (or subprofile) table, for a given table alias. */
export type Pred = (alias: string) => string;

/** SQL string literal. NUL would end the statement text, so it is spliced in with char(0). */
export function lit(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return quoted.includes('\0') ? `(${quoted.split('\0').join("' || char(0) || '")})` : quoted;
}

export const TRUE = '1';
export const FALSE = '0';

export function and(parts: string[]): string {
  const real = parts.filter((p) => p !== TRUE);
  if (real.includes(FALSE)) return FALSE;
  return real.length === 0 ? TRUE : real.length === 1 ? (real[0] as string) : real.map((p) => `(${p})`).join(' AND ');
}

export function or(parts: string[]): string {
  const real = parts.filter((p) => p !== FALSE);
  if (real.includes(TRUE)) return TRUE;
  return real.length === 0 ? FALSE : real.length === 1 ? (real[0] as string) : real.map((p) => `(${p})`).join(' OR ');
}

export function not(p: string): string {
  return p === TRUE ? FALSE : p === FALSE ? TRUE : `NOT (${p})`;
}

/** `lo <= column < hi` (docs/api/selections.md §6.3: half-open windows); open sides are left out. */
export function inWindow(column: string, w: Window): string {
  return and([w.lo === null ? TRUE : `${column} >= ${lit(w.lo)}`, w.hi === null ? TRUE : `${column} < ${lit(w.hi)}`]);
}

/** Where a condition is evaluated: the values table of its level and the base set it filters. */
export interface RowScope {
  level: Level;
  table: string;
  databaseId: number;
  collectionId: number | null;
  base: Pred;
}

/** A compiled view or miniview as a row source: `SELECT <alias>.id FROM <source>`. */
export interface SetSql {
  alias: string;
  /** `<table> <alias> WHERE <membership>` */
  source: string;
}

/** State of one compilation: the clock, memoised sets, fresh aliases and a field cache. */
export interface CompileEnv {
  db: Database.Database;
  now: Date;
  /** Memo of compiled sets (`view_<id>`, `mini_<id>`). */
  sets: Map<string, SetSql>;
  /** Views and miniviews being compiled, to stop on a reference cycle (written data never has one). */
  visiting: Set<string>;
  alias(): string;
  field(id: number | null | undefined): FieldRow | undefined;
  /** Whether a table exists (optional data of other modules, e.g. the emailings tables). */
  hasTable(name: string): boolean;
  /**
   * Another view or miniview as a row source (for ReferView and MiniView conditions), or null when it no
   * longer exists. This is the compiler's one recursion — a set's conditions may name other sets — and
   * sets.ts ties it (compileSet), so the condition compilers never import sets.ts.
   */
  referencedSet(level: Level, id: number): SetSql | null;
}

export type CompileReferencedSet = (env: CompileEnv, level: Level, id: number) => SetSql | null;

export function createEnv(db: Database.Database, now: Date, compileReferencedSet: CompileReferencedSet): CompileEnv {
  let seq = 0;
  const fields = new Map<number, FieldRow | undefined>();
  const tables = new Map<string, boolean>();
  const env: CompileEnv = {
    db,
    now,
    sets: new Map(),
    visiting: new Set(),
    alias: () => `q${++seq}`,
    field(id) {
      if (typeof id !== 'number') return undefined;
      if (!fields.has(id)) fields.set(id, db.prepare('SELECT * FROM fields WHERE id = ?').get(id) as FieldRow | undefined);
      return fields.get(id);
    },
    hasTable(name) {
      if (!tables.has(name))
        tables.set(name, db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined);
      return tables.get(name) as boolean;
    },
    referencedSet: (level, id) => compileReferencedSet(env, level, id),
  };
  return env;
}
