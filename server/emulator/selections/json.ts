// JSON shapes of views, miniviews, rules and conditions (docs/api/selections.md §2): IDs as strings, flags as
// booleans, field references as full field objects, unset references and options as `false`.
import type Database from 'better-sqlite3';
import { embedded, type FieldRow, fieldJson, type InterestRow, intentionsJson, interestJson } from '../core/model.ts';
import { CONDITION_TYPES, type Props } from './condition-types.ts';
import {
  type ConditionRow,
  findMiniview,
  findView,
  type Level,
  listConditions,
  type MiniviewRow,
  type RuleRow,
  type ViewRow,
} from './store.ts';

/** restv3/rest-get-view.md. `has-referred`: other selections refer to this one through ReferView (v3 meaning, §2.1). */
export function viewJson(db: Database.Database, v: ViewRow) {
  const hasChildren = db.prepare('SELECT 1 FROM views WHERE parent_view_id = ? LIMIT 1').get(v.id) !== undefined;
  const hasReferred =
    db
      .prepare(
        `SELECT 1 FROM view_conditions c JOIN view_rules r ON r.id = c.rule_id
         WHERE c.type = 'ReferView' AND c.target_id = ? AND r.view_id <> ? LIMIT 1`,
      )
      .get(v.id, v.id) !== undefined;
  const hasRules = db.prepare('SELECT 1 FROM view_rules WHERE view_id = ? LIMIT 1').get(v.id) !== undefined;
  return {
    ID: String(v.id),
    name: v.name,
    description: v.description,
    'parent-type': v.parent_view_id === null ? 'database' : 'view',
    'parent-id': String(v.parent_view_id ?? v.database_id),
    'has-children': hasChildren,
    'has-referred': hasReferred,
    'has-rules': hasRules,
    database: String(v.database_id),
    'last-built': v.last_built,
    intentions: intentionsJson(v),
  };
}

/** restv3/rest-get-miniview.md: no has-* flags and no database property. */
export function miniviewJson(m: MiniviewRow) {
  return {
    ID: String(m.id),
    name: m.name,
    description: m.description,
    'parent-type': 'collection',
    'parent-id': String(m.collection_id),
    collection: String(m.collection_id),
    'last-built': m.last_built,
    intentions: intentionsJson(m),
  };
}

function propJson(db: Database.Database, kind: string, value: Props[string]): unknown {
  if (value === null) return false;
  switch (kind) {
    case 'field': {
      const f = db.prepare('SELECT * FROM fields WHERE id = ?').get(value) as FieldRow | undefined;
      return f ? fieldJson(f) : false;
    }
    case 'fields': {
      const rows = (value as number[]).map((id) => db.prepare('SELECT * FROM fields WHERE id = ?').get(id) as FieldRow | undefined);
      return embedded(rows.filter((f): f is FieldRow => f !== undefined).map(fieldJson), 100);
    }
    case 'interest': {
      const i = db.prepare('SELECT * FROM interests WHERE id = ?').get(value) as InterestRow | undefined;
      return i ? interestJson(i) : false;
    }
    case 'view': {
      const v = findView(db, value as number);
      return v ? viewJson(db, v) : false;
    }
    case 'miniview': {
      const m = findMiniview(db, value as number);
      return m ? miniviewJson(m) : false;
    }
    default:
      return value;
  }
}

/** A condition: `ID`, `type`, `rule`, then the type's properties in documented order (rest-get-view-rules.md). */
export function conditionJson(db: Database.Database, c: ConditionRow) {
  const spec = CONDITION_TYPES[c.type];
  const props = JSON.parse(c.props) as Props;
  const out: Record<string, unknown> = { ID: String(c.id), type: c.type, rule: String(c.rule_id) };
  for (const [name, p] of Object.entries(spec?.props ?? {})) out[name] = propJson(db, p.kind, props[name] ?? null);
  return out;
}

/** A rule or minirule, with its conditions embedded as a paged object (rest-get-rule.md). */
export function ruleJson(db: Database.Database, level: Level, r: RuleRow) {
  const conditions = listConditions(db, level, r.id).map((c) => conditionJson(db, c));
  return {
    ID: String(r.id),
    name: r.name,
    view: String(r.view_id),
    conditions: { ...embedded(conditions.slice(0, 100), 100), total: conditions.length },
    inversed: r.inversed === 1,
    disabled: r.disabled === 1,
  };
}
