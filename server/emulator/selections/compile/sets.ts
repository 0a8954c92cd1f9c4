// How a view or miniview becomes SQL (README.md "Engine"). Every set is a *predicate over one row* of the
// owner's values table (profiles_<db> or subprofiles_<collection>):
//
//   member(view)   = base(view) AND (rule_1 OR rule_2 OR …)          (docs/api/selections.md §5.2; no active rule → base)
//   base(view)     = removed IS NULL            for a top-level view
//                  = member(parent view)        for a nested view    (§5.4: a subselection only filters its parent)
//   rule           = cond_1 AND cond_2 AND …    or NOT (…) when inversed (the complement within base)
//
// Nesting therefore stays one scan of one table. Only conditions that need a set of their own (ReferView,
// MiniView, DoubleField, Part) add an `IN (subquery)`; those are not correlated, so SQLite evaluates each
// once per statement. Predicates are self-contained SQL, so they slot into the core's listing queries.

import type Database from 'better-sqlite3';
import { profileTable, subprofileTable } from '../../core/storage.ts';
import type { Props } from '../condition-types.ts';
import type { Level } from '../store.ts';
import { findMiniview, findView, listConditions, listRules, type MiniviewRow, type ViewRow } from '../store.ts';
import { compileCondition, conditionCost } from './conditions.ts';
import { partSlice } from './part.ts';
import { and, type CompileEnv, createEnv, FALSE, not, or, type Pred, type RowScope, type SetSql } from './sql.ts';

const live: Pred = (a) => `${a}.removed IS NULL`;

/** Membership predicate of a view (base included). */
export function viewMember(env: CompileEnv, view: ViewRow): Pred {
  const key = `view_${view.id}`;
  if (env.visiting.has(key)) return () => FALSE;
  env.visiting.add(key);
  const parent = view.parent_view_id === null ? undefined : findView(env.db, view.parent_view_id);
  const base = parent ? viewMember(env, parent) : live;
  const scope: RowScope = { level: 'view', table: profileTable(view.database_id), databaseId: view.database_id, collectionId: null, base };
  const rules = rulesPredicate(env, scope, view.id);
  env.visiting.delete(key);
  return rules ? (a) => and([base(a), rules(a)]) : base;
}

/** Membership predicate of a miniview: its base is every live subprofile of the collection (§5.6). */
export function miniviewMember(env: CompileEnv, mini: MiniviewRow): Pred {
  const key = `mini_${mini.id}`;
  if (env.visiting.has(key)) return () => FALSE;
  env.visiting.add(key);
  const collection = env.db.prepare('SELECT database_id FROM collections WHERE id = ?').get(mini.collection_id) as
    | { database_id: number }
    | undefined;
  const scope: RowScope = {
    level: 'mini',
    table: subprofileTable(mini.collection_id),
    databaseId: collection?.database_id ?? 0,
    collectionId: mini.collection_id,
    base: live,
  };
  const rules = rulesPredicate(env, scope, mini.id);
  env.visiting.delete(key);
  return rules ? (a) => and([live(a), rules(a)]) : live;
}

/** OR of the active rules, or null when there is none (then the set is its whole base, §5.3). */
function rulesPredicate(env: CompileEnv, scope: RowScope, setId: number): Pred | null {
  const terms: Pred[] = [];
  const active = listRules(env.db, scope.level, setId)
    .filter((rule) => !rule.disabled)
    .map((rule) => ({ rule, rows: listConditions(env.db, scope.level, rule.id) }))
    .filter((r) => r.rows.length > 0); // §5.3 (d): an empty rule is inactive
  for (const { rule, rows } of active) {
    const conditions = rows.map((c) => ({ type: c.type, props: JSON.parse(c.props) as Props, target: c.target_id }));
    const alone = active.length === 1 && conditions.length === 1;
    const plain = conditions
      .filter((c) => c.type !== 'Part')
      .sort((x, y) => conditionCost(x.type) - conditionCost(y.type))
      .map((c) => compileCondition(env, scope, c.type, c.props, c.target, alone));
    let match: Pred = (a) => and(plain.map((p) => p(a)));
    // Part sorts and slices what the other conditions left, in condition order (§6.1).
    for (const part of conditions.filter((c) => c.type === 'Part')) {
      const previous = match;
      const slice = partSlice(env, scope, (q) => and([scope.base(q), previous(q)]), part.props);
      match = (a) => `${a}.id IN (${slice})`;
    }
    const matched = match;
    terms.push(rule.inversed ? (a) => not(matched(a)) : matched);
  }
  if (terms.length === 0) return null;
  return (a) => or(terms.map((t) => t(a)));
}

/**
 * A view's members as a row source (for ReferView), or null when the view no longer exists (an empty set).
 * Used in non-correlated subqueries, which SQLite runs once per statement; memoised per compilation.
 */
export function viewSet(env: CompileEnv, viewId: number): SetSql | null {
  const key = `view_${viewId}`;
  const memo = env.sets.get(key);
  if (memo) return memo;
  const view = findView(env.db, viewId);
  if (!view || env.visiting.has(key)) return null;
  const member = viewMember(env, view);
  const alias = env.alias();
  const set = { alias, source: `${profileTable(view.database_id)} ${alias} WHERE ${member(alias)}` };
  env.sets.set(key, set);
  return set;
}

/** A miniview's subprofiles as a row source (for MiniView), or null when it no longer exists. */
export function miniviewSet(env: CompileEnv, miniviewId: number): SetSql | null {
  const key = `mini_${miniviewId}`;
  const memo = env.sets.get(key);
  if (memo) return memo;
  const mini = findMiniview(env.db, miniviewId);
  if (!mini || env.visiting.has(key)) return null;
  const member = miniviewMember(env, mini);
  const alias = env.alias();
  const set = { alias, source: `${subprofileTable(mini.collection_id)} ${alias} WHERE ${member(alias)}` };
  env.sets.set(key, set);
  return set;
}

/** The table and membership predicate of a view or miniview, ready to be wrapped in SELECT/COUNT. */
export function compileSet(db: Database.Database, now: Date, level: Level, id: number): { table: string; member: Pred } | undefined {
  // The recursion: a ReferView or MiniView condition compiles the set it names, memoised in this env.
  const env = createEnv(db, now, (env, setLevel, setId) => (setLevel === 'view' ? viewSet(env, setId) : miniviewSet(env, setId)));
  if (level === 'view') {
    const view = findView(env.db, id);
    return view && { table: profileTable(view.database_id), member: viewMember(env, view) };
  }
  const mini = findMiniview(env.db, id);
  return mini && { table: subprofileTable(mini.collection_id), member: miniviewMember(env, mini) };
}
