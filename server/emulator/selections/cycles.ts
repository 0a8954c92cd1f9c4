// Reference cycles (docs/api/selections.md §6.1, §6.4): a view may not (indirectly) refer to itself. A view depends on
// its parent and on the targets of its ReferView conditions; a miniview on the targets of its MiniView
// miniconditions. Adding the edge A → B is refused when B already depends on A (or B is A).
import type Database from 'better-sqlite3';
import type { Level } from './store.ts';

function dependencies(db: Database.Database, level: Level, id: number): number[] {
  if (level === 'view') {
    const parent = db.prepare('SELECT parent_view_id AS id FROM views WHERE id = ?').get(id) as { id: number | null } | undefined;
    const refs = db
      .prepare(
        `SELECT c.target_id AS id FROM view_conditions c JOIN view_rules r ON r.id = c.rule_id WHERE r.view_id = ? AND c.type = 'ReferView'`,
      )
      .all(id) as { id: number | null }[];
    return [parent?.id ?? null, ...refs.map((r) => r.id)].filter((x): x is number => x !== null);
  }
  const refs = db
    .prepare(
      `SELECT c.target_id AS id FROM miniview_conditions c JOIN miniview_rules r ON r.id = c.rule_id WHERE r.view_id = ? AND c.type = 'MiniView'`,
    )
    .all(id) as { id: number | null }[];
  return refs.map((r) => r.id).filter((x): x is number => x !== null);
}

/** Would a reference from `from` to `to` close a cycle? */
export function createsCycle(db: Database.Database, level: Level, from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [to];
  while (stack.length) {
    const id = stack.pop() as number;
    if (id === from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...dependencies(db, level, id));
  }
  return false;
}
