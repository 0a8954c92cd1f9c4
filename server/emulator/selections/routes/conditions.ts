// Conditions and miniconditions: POST rule/$id/conditions (C1, M12), PUT/DELETE condition/$type/$id
// (C2, C3, M13, M14). GET on a single condition is not an API call: `Invalid method` [O] (docs/api/selections.md §1).
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, deleted, noContent, parseId, readObjectBody } from '../../core/http.ts';
import { formatTimestamp } from '../../core/time.ts';
import { applyBody, type ConditionScope, defaultProps } from '../condition-input.ts';
import { CONDITION_TYPES, canonicalType, type Props, typeAllowed } from '../condition-types.ts';
import { createsCycle } from '../cycles.ts';
import { type ConditionRow, findCondition, findMiniview, findView, type Level, type RuleRow, TABLES, touchSet } from '../store.ts';
import { NOT_FOUND } from './resolve.ts';

/** The database / collection a rule's conditions refer to. */
export function scopeOfRule(db: Database.Database, level: Level, rule: RuleRow): ConditionScope {
  if (level === 'view') {
    const view = findView(db, rule.view_id);
    if (!view) throw new ApiError(NOT_FOUND.view);
    return { level, databaseId: view.database_id, collectionId: null, owner: { kind: 'database', id: view.database_id } };
  }
  const mini = findMiniview(db, rule.view_id);
  const collection =
    mini && (db.prepare('SELECT database_id FROM collections WHERE id = ?').get(mini.collection_id) as { database_id: number } | undefined);
  if (!mini || !collection) throw new ApiError(NOT_FOUND.miniview);
  return {
    level,
    databaseId: collection.database_id,
    collectionId: mini.collection_id,
    owner: { kind: 'collection', id: mini.collection_id, databaseId: collection.database_id },
  };
}

/** The referenced view (ReferView) or miniview (MiniView), checked for cycles. */
function targetOf(db: Database.Database, level: Level, rule: RuleRow, type: string, props: Props): number | null {
  const target = type === 'ReferView' ? props['refer-view'] : type === 'MiniView' ? props['mini-view'] : null;
  if (typeof target !== 'number') return null;
  // Views only refer to views and miniviews to miniviews: cycles stay within a level.
  const sameLevel = (level === 'view' && type === 'ReferView') || (level === 'mini' && type === 'MiniView');
  if (sameLevel && createsCycle(db, level, rule.view_id, target))
    throw new ApiError(`A ${type} condition cannot refer to its own selection or to one that depends on it`);
  return target;
}

/** Create a condition in one transaction; returns its ID. */
export function insertCondition(db: Database.Database, level: Level, rule: RuleRow, body: Record<string, unknown>, now: Date): number {
  const type = canonicalType(body.type);
  if (!type || !typeAllowed(type, level)) throw new ApiError('Invalid value for property type');
  const spec = CONDITION_TYPES[type];
  if (!spec) throw new ApiError('Invalid value for property type');
  return db.transaction(() => {
    const props = applyBody(db, spec, scopeOfRule(db, level, rule), defaultProps(spec), body, now);
    const target = targetOf(db, level, rule, type, props);
    const id = Number(
      db
        .prepare(`INSERT INTO ${TABLES[level].conditions} (rule_id, type, props, target_id) VALUES (?, ?, ?, ?)`)
        .run(rule.id, type, JSON.stringify(props), target).lastInsertRowid,
    );
    touchSet(db, level, rule.view_id, formatTimestamp(now));
    return id;
  })();
}

export function registerConditionRoutes(app: EmulatorApp, level: Level): void {
  const head = level === 'view' ? 'condition' : 'minicondition';
  const notFound = level === 'view' ? NOT_FOUND.condition : NOT_FOUND.minicondition;

  /** The condition of `$type/$id`; a type that does not match the stored one is "not found" (§3.2 C2). */
  function conditionOf(db: Database.Database, rawType: string | undefined, rawId: string | undefined): ConditionRow {
    const row = findCondition(db, level, parseId(rawId) ?? 0);
    if (!row || canonicalType(rawType) !== row.type) throw new ApiError(notFound);
    return row;
  }

  function ruleOfCondition(db: Database.Database, row: ConditionRow): RuleRow {
    return db.prepare(`SELECT * FROM ${TABLES[level].rules} WHERE id = ?`).get(row.rule_id) as RuleRow;
  }

  // C2 restv3/rest-put-condition.md, M13 rest-put-minicondition.md: any subset of the properties.
  const update = async (c: Context<EmulatorEnv>) => {
    const { db, now } = c.get('ctx');
    const row = conditionOf(db, c.req.param('type'), c.req.param('id'));
    const body = await readObjectBody(c);
    const spec = CONDITION_TYPES[row.type];
    if (!spec) throw new ApiError(notFound);
    db.transaction(() => {
      const rule = ruleOfCondition(db, row);
      const props = applyBody(db, spec, scopeOfRule(db, level, rule), JSON.parse(row.props) as Props, body, now());
      const target = targetOf(db, level, rule, row.type, props);
      db.prepare(`UPDATE ${TABLES[level].conditions} SET props = ?, target_id = ? WHERE id = ?`).run(JSON.stringify(props), target, row.id);
      touchSet(db, level, rule.view_id, formatTimestamp(now()));
    })();
    return noContent();
  };
  app.put(`/${head}/:type/:id`, update);
  app.post(`/${head}/:type/:id`, update);

  // C3 restv3/rest-delete-condition.md, M14 rest-delete-minicondition.md
  app.delete(`/${head}/:type/:id`, (c) => {
    const { db, now } = c.get('ctx');
    const row = conditionOf(db, c.req.param('type'), c.req.param('id'));
    db.transaction(() => {
      db.prepare(`DELETE FROM ${TABLES[level].conditions} WHERE id = ?`).run(row.id);
      touchSet(db, level, ruleOfCondition(db, row).view_id, formatTimestamp(now()));
    })();
    return deleted(head, row.id);
  });
}
