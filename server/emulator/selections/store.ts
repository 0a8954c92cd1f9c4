// Rows and lookups of the selections tables (schema.ts). Views and miniviews are two "levels" with the same
// rule and condition structure, so most code takes a `Level` and reads the table names from it.
import type Database from 'better-sqlite3';

export type Level = 'view' | 'mini';

export const TABLES = {
  view: { sets: 'views', rules: 'view_rules', conditions: 'view_conditions' },
  mini: { sets: 'miniviews', rules: 'miniview_rules', conditions: 'miniview_conditions' },
} as const;

interface Intentions {
  intent_email: number | null;
  intent_sms: number | null;
  intent_fax: number | null;
  intent_pdf: number | null;
}

export interface ViewRow extends Intentions {
  id: number;
  database_id: number;
  parent_view_id: number | null;
  name: string;
  description: string;
  last_built: string;
}

export interface MiniviewRow extends Intentions {
  id: number;
  collection_id: number;
  name: string;
  description: string;
  last_built: string;
}

export interface RuleRow {
  id: number;
  /** The owning view, or miniview for a minirule. */
  view_id: number;
  name: string;
  inversed: number;
  disabled: number;
}

export interface ConditionRow {
  id: number;
  rule_id: number;
  type: string;
  props: string;
  target_id: number | null;
}

export function findView(db: Database.Database, id: number): ViewRow | undefined {
  return db.prepare('SELECT * FROM views WHERE id = ?').get(id) as ViewRow | undefined;
}

export function findMiniview(db: Database.Database, id: number): MiniviewRow | undefined {
  return db.prepare('SELECT * FROM miniviews WHERE id = ?').get(id) as MiniviewRow | undefined;
}

export function findRule(db: Database.Database, level: Level, id: number): RuleRow | undefined {
  return db.prepare(`SELECT * FROM ${TABLES[level].rules} WHERE id = ?`).get(id) as RuleRow | undefined;
}

export function findCondition(db: Database.Database, level: Level, id: number): ConditionRow | undefined {
  return db.prepare(`SELECT * FROM ${TABLES[level].conditions} WHERE id = ?`).get(id) as ConditionRow | undefined;
}

export function listRules(db: Database.Database, level: Level, setId: number): RuleRow[] {
  return db.prepare(`SELECT * FROM ${TABLES[level].rules} WHERE view_id = ? ORDER BY id`).all(setId) as RuleRow[];
}

export function listConditions(db: Database.Database, level: Level, ruleId: number): ConditionRow[] {
  return db.prepare(`SELECT * FROM ${TABLES[level].conditions} WHERE rule_id = ? ORDER BY id`).all(ruleId) as ConditionRow[];
}

/** Direct children of a database (parentViewId null) or of a view. */
export function listChildViews(db: Database.Database, databaseId: number, parentViewId: number | null): ViewRow[] {
  return (
    parentViewId === null
      ? db.prepare('SELECT * FROM views WHERE database_id = ? AND parent_view_id IS NULL ORDER BY id').all(databaseId)
      : db.prepare('SELECT * FROM views WHERE parent_view_id = ? ORDER BY id').all(parentViewId)
  ) as ViewRow[];
}

export function listMiniviews(db: Database.Database, collectionId: number): MiniviewRow[] {
  return db.prepare('SELECT * FROM miniviews WHERE collection_id = ? ORDER BY id').all(collectionId) as MiniviewRow[];
}

/** A view and all views nested under it, parents before children. */
export function viewSubtree(db: Database.Database, id: number): number[] {
  const out: number[] = [id];
  for (let i = 0; i < out.length; i++) {
    for (const child of db.prepare('SELECT id FROM views WHERE parent_view_id = ? ORDER BY id').all(out[i]) as { id: number }[])
      out.push(child.id);
  }
  return out;
}

/** Set `last-built` of the view or miniview that owns a rule (docs/api/selections.md §6.1: rule and condition changes rebuild). */
export function touchSet(db: Database.Database, level: Level, setId: number, stamp: string): void {
  db.prepare(`UPDATE ${TABLES[level].sets} SET last_built = ? WHERE id = ?`).run(stamp, setId);
}

export function nameTaken(db: Database.Database, sql: string, ...args: unknown[]): boolean {
  return db.prepare(sql).get(...args) !== undefined;
}
