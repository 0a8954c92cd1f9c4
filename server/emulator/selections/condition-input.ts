// Request body → normalised condition properties (docs/api/selections.md §4, §6.4). References (fields, interests,
// views, miniviews) are resolved to IDs here, so a bad reference is a 400 before anything is written.
import type Database from 'better-sqlite3';
import { ApiError, isObject, MESSAGES, truthy } from '../core/http.ts';
import { type FieldOwner, type FieldRow, findField, listInterests } from '../core/model.ts';
import { isDateTimeType, isDateType, phpString } from '../core/values.ts';
import { parseOffset } from './compile/part.ts';
import type { PropSpec, Props, TypeSpec } from './condition-types.ts';
import { findMiniview, findView, type Level } from './store.ts';
import { formatMutation, parseFixedTime, parseMutation } from './time-window.ts';

/** Where the condition lives: fields resolve against `owner`, interests and views against the database. */
export interface ConditionScope {
  level: Level;
  databaseId: number;
  /** The collection of a miniview (mini level only). */
  collectionId: number | null;
  owner: FieldOwner;
}

const invalid = (property: string) => new ApiError(`Invalid value for property ${property}`);

/** An ID, a numeric string, a name, or an object with `ID` (what GET returns), as a lookup key. */
function referenceKey(raw: unknown): string | null | undefined {
  if (raw === null || raw === undefined || raw === false || raw === '' || raw === 'false') return null;
  if (typeof raw === 'number' && Number.isInteger(raw)) return String(raw);
  if (typeof raw === 'string') return raw.trim();
  if (isObject(raw) && (typeof raw.ID === 'string' || typeof raw.ID === 'number')) return String(raw.ID);
  return undefined;
}

function resolveField(db: Database.Database, scope: ConditionScope, raw: unknown): FieldRow | null {
  const key = referenceKey(raw);
  if (key === null) return null;
  const field = key === undefined ? undefined : findField(db, scope.owner, key);
  if (!field) throw new ApiError(MESSAGES.noField);
  return field;
}

/** `fields` as an array, a comma list, "[firstname, lastname]", JSON text, or the paged list GET returns. */
function fieldList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (isObject(raw) && Array.isArray(raw.data)) return raw.data;
  if (typeof raw !== 'string') return raw === null || raw === undefined || raw === false ? [] : [raw];
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // "[firstname, lastname]" is not JSON: fall through to the comma list
    }
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter((s) => s !== '');
}

function normaliseProp(db: Database.Database, scope: ConditionScope, name: string, spec: PropSpec, raw: unknown, now: Date): Props[string] {
  switch (spec.kind) {
    case 'enum': {
      if (typeof raw !== 'string') throw invalid(name);
      const lower = raw.trim().toLowerCase();
      const value = spec.aliases?.[lower] ?? spec.values.find((v) => v.toLowerCase() === lower);
      if (!value) throw invalid(name);
      return value;
    }
    case 'text':
      if (isObject(raw) || Array.isArray(raw)) throw invalid(name);
      return raw === null || raw === undefined ? spec.default : phpString(raw);
    case 'number': {
      if (raw === null || raw === undefined || raw === '' || raw === false) return spec.default;
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!/^-?\d+(\s*-\s*-?\d+)?$/.test(text)) throw invalid(name);
      return text;
    }
    case 'bool':
      return truthy(raw);
    case 'offset': {
      if (raw === null || raw === undefined || raw === '' || raw === false) return spec.default;
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!parseOffset(text)) throw invalid(name);
      return text;
    }
    case 'time': {
      const t = parseFixedTime(raw, now);
      if (t === undefined) throw invalid(name);
      return t;
    }
    case 'mutation': {
      const m = parseMutation(raw);
      if (m === undefined) throw invalid(name);
      return m && formatMutation(m);
    }
    case 'field': {
      const field = resolveField(db, scope, raw);
      if (field && spec.dateOnly && !isDateType(field.type) && !isDateTimeType(field.type)) throw invalid(name);
      return field?.id ?? null;
    }
    case 'fields': {
      const ids: number[] = [];
      for (const item of fieldList(raw)) {
        const field = resolveField(db, scope, item);
        if (field && !ids.includes(field.id)) ids.push(field.id);
      }
      return ids;
    }
    case 'interest': {
      const key = referenceKey(raw);
      if (key === null) return null;
      const interests = listInterests(db, scope.databaseId);
      const found = /^\d+$/.test(key ?? '')
        ? interests.find((i) => i.id === Number(key))
        : interests.find((i) => i.name.toLowerCase() === key?.toLowerCase());
      if (!found) throw new ApiError(MESSAGES.noInterest);
      return found.id;
    }
    case 'view': {
      const key = referenceKey(raw);
      if (key === null) return null;
      const view = key && /^\d+$/.test(key) ? findView(db, Number(key)) : undefined;
      if (!view || view.database_id !== scope.databaseId) throw new ApiError('No view with supplied ID');
      return view.id;
    }
    case 'miniview': {
      const key = referenceKey(raw);
      if (key === null) return null;
      const mini = key && /^\d+$/.test(key) ? findMiniview(db, Number(key)) : undefined;
      const collection =
        mini &&
        (db.prepare('SELECT database_id FROM collections WHERE id = ?').get(mini.collection_id) as { database_id: number } | undefined);
      const fits = scope.level === 'view' ? collection?.database_id === scope.databaseId : mini?.collection_id === scope.collectionId;
      if (!mini || !fits) throw new ApiError('No miniview with supplied ID');
      return mini.id;
    }
  }
}

/** Defaults of a new condition of this type. */
export function defaultProps(spec: TypeSpec): Props {
  const props: Props = {};
  for (const [name, p] of Object.entries(spec.props)) {
    props[name] = 'default' in p ? p.default : p.kind === 'fields' ? [] : null;
  }
  return props;
}

/**
 * Apply a body (POST: over the defaults; PUT: over the stored properties) and check the combination.
 * Unknown properties are ignored, as everywhere in the API (docs/api/conventions.md §12).
 */
export function applyBody(
  db: Database.Database,
  spec: TypeSpec,
  scope: ConditionScope,
  current: Props,
  body: Record<string, unknown>,
  now: Date,
): Props {
  const props: Props = { ...current };
  const given = new Set<string>();
  for (const [rawName, raw] of Object.entries(body)) {
    const name = spec.propAliases?.[rawName] ?? rawName;
    const p = spec.props[name];
    if (!p) continue;
    props[name] = normaliseProp(db, scope, name, p, raw, now);
    given.add(name);
  }
  // Field: setting `value` resets `other-field` (rest-condition-type-field.md).
  if (spec.name === 'Field' && given.has('value') && !given.has('other-field')) props['other-field'] = null;
  checkCombination(spec, scope, props);
  return props;
}

function checkCombination(spec: TypeSpec, scope: ConditionScope, props: Props): void {
  for (const [name, p] of Object.entries(spec.props)) {
    if (p.kind === 'field' && p.required && props[name] === null) throw invalid(name);
    if (p.kind === 'fields' && p.required && (props[name] as number[]).length === 0) throw invalid(name);
  }
  const mode = String(props['match-mode'] ?? '');
  switch (spec.name) {
    case 'Interest':
      if (mode.includes('group') ? props['interest-group'] === '' : props.interest === null)
        throw invalid(mode.includes('group') ? 'interest-group' : 'interest');
      break;
    case 'DoubleField':
      // `_subprofiles` spellings belong in miniviews (minirule.md); views take `_profiles`.
      if (scope.level === 'view' && mode.endsWith('_subprofiles')) throw invalid('match-mode');
      break;
    case 'Field':
      if (props.comparison === 'regexp' && props['other-field'] === null && !compiles(String(props.value))) throw invalid('value');
      break;
    case 'ReferView':
      if (props['refer-view'] === null) throw invalid('refer-view');
      break;
    case 'MiniView':
      if (props['mini-view'] === null) throw invalid('mini-view');
      break;
  }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
