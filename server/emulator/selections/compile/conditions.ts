// Condition → SQL predicate over one row (docs/api/selections.md §6.3). Field, Date and DoubleField live here;
// conditions about events and other sets live in events.ts.
import type { FieldRow } from '../../core/model.ts';
import { isDateType, isNumericType } from '../../core/values.ts';
import type { Props } from '../condition-types.ts';
import { resolveWindow } from '../time-window.ts';
import { compileChange, compileEmail, compileInterest, compileMiniView, compileReferView, compileStoreOnly } from './events.ts';
import { and, type CompileEnv, FALSE, lit, type Pred, type RowScope, TRUE } from './sql.ts';

/**
 * Cost rank for the order of conditions within a rule: SQLite evaluates AND terms left to right, so the
 * cheap per-row tests on the record's own columns go first and the set lookups only see what is left.
 */
export function conditionCost(type: string): number {
  return ['Field', 'Date', 'Change'].includes(type) ? 0 : type === 'Interest' ? 1 : 2;
}

/** `alone`: the only condition of the only active rule, where a driving IN (…) beats a correlated EXISTS. */
export function compileCondition(env: CompileEnv, scope: RowScope, type: string, props: Props, target: number | null, alone = false): Pred {
  switch (type) {
    case 'Field':
      return compileField(env, props);
    case 'Date':
      return compileDate(env, props);
    case 'DoubleField':
      return compileDoubleField(env, scope, props);
    case 'Interest':
      return compileInterest(env, scope, props, alone);
    case 'ReferView':
      return compileReferView(env, props, target);
    case 'MiniView':
      return compileMiniView(env, scope, props, target);
    case 'Change':
      return compileChange(env, scope, props);
    case 'Email':
      return compileEmail(env, scope, props);
    default:
      return compileStoreOnly(type, props);
  }
}

// The pragmatic patterns of §6.3, evaluated by the orrery_regexp() SQL function (index.ts registers it).
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
export const NUMERIC_PATTERN = '^\\s*-?\\d+(\\.\\d+)?\\s*$';

/** A field's value as SQL; a deleted field reads as an empty text. */
function columnOf(f: FieldRow | undefined, a: string): string {
  return f ? `${a}.f${f.id}` : `''`;
}

function compileField(env: CompileEnv, props: Props): Pred {
  const field = env.field(props.field as number | null);
  const other = props['other-field'] === null ? undefined : env.field(props['other-field'] as number);
  const otherGone = props['other-field'] !== null && !other;
  const numeric = props['numeric-comparison'] === true || (field !== undefined && isNumericType(field.type));
  const value = typeof props.value === 'string' ? props.value : '';
  return (a) => {
    const v = columnOf(field, a);
    const rhs = other ? columnOf(other, a) : otherGone ? `''` : lit(value);
    // Text compares case-insensitively (§6.3). A numeric column on the other side is read as its text, so
    // SQLite's numeric affinity does not turn '12.0' = 12 into a match.
    const rhsText = other && isNumericType(other.type) ? `CAST(${rhs} AS TEXT)` : rhs;
    // Numeric columns compare as they are (no CAST), which keeps an index on them usable.
    const asNumber = (x: string, f: FieldRow | undefined) =>
      f && isNumericType(f.type) && x.startsWith(`${a}.`) ? x : `CAST(${x} AS REAL)`;
    const cmp = (op: string) => (numeric ? `${asNumber(v, field)} ${op} ${asNumber(rhs, other)}` : `${v} ${op} ${rhsText} COLLATE NOCASE`);
    switch (props.comparison) {
      case 'not equals':
        return cmp('<>');
      case 'contains':
        return `instr(lower(${v}), lower(${rhs})) > 0`;
      case 'not contains':
        return `instr(lower(${v}), lower(${rhs})) = 0`;
      case 'less':
        return cmp('<');
      case 'more':
        return cmp('>');
      // A JS function would see a REAL 3.0 as 3: hand it the SQL text ('3.0'), as every other comparison sees.
      case 'is_email':
        return `orrery_regexp(${lit(EMAIL_PATTERN)}, CAST(${v} AS TEXT))`;
      case 'is-numeric':
        return `orrery_regexp(${lit(NUMERIC_PATTERN)}, CAST(${v} AS TEXT))`;
      case 'regexp':
        return `orrery_regexp(CAST(${rhs} AS TEXT), CAST(${v} AS TEXT))`;
      default:
        return cmp('=');
    }
  };
}

/** Date condition: bounds on a date(time) field; `ignoreyear` compares month-day-time (birthdays). */
function compileDate(env: CompileEnv, props: Props): Pred {
  const field = env.field(props.field as number | null);
  if (!field) return () => FALSE;
  const { lo, hi } = resolveWindow(props, env.now);
  const dateOnly = isDateType(field.type);
  return (a) => {
    const col = `${a}.f${field.id}`;
    const present = `${col} >= '0001-01-01'`; // '' and 0000-00-00 never match (§6.3)
    if (props['compare-mode'] === 'ignoreyear') {
      if (lo === null && hi === null) return present;
      const md = dateOnly ? `(substr(${col}, 6) || ' 00:00:00')` : `substr(${col}, 6)`;
      const loMd = lo?.slice(5) ?? null;
      const hiMd = hi?.slice(5) ?? null;
      let window: string;
      if (loMd === null) window = `${md} < ${lit(hiMd as string)}`;
      else if (hiMd === null) window = `${md} >= ${lit(loMd)}`;
      else if (loMd < hiMd) window = `${md} >= ${lit(loMd)} AND ${md} < ${lit(hiMd)}`;
      else if (loMd > hiMd)
        window = `(${md} >= ${lit(loMd)} OR ${md} < ${lit(hiMd)})`; // wraps the new year
      else window = lo === hi ? FALSE : TRUE; // a whole number of years apart: every date
      return and([present, window]);
    }
    // A date-only value d means d 00:00:00: compare whole days so an index on the column stays usable.
    const bound = (t: string) => (dateOnly ? ceilDay(t) : t);
    return and([present, lo === null ? TRUE : `${col} >= ${lit(bound(lo))}`, hi === null ? TRUE : `${col} < ${lit(bound(hi))}`]);
  };
}

/** `YYYY-MM-DD hh:mm:ss` → the first date whose midnight is not before it. */
function ceilDay(stamp: string): string {
  const day = stamp.slice(0, 10);
  if (stamp.slice(11) === '00:00:00' || stamp.length <= 10) return day;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * DoubleField: duplicates over the whole database (collection for miniviews), not just the base (§6.3).
 * The key is the tuple of the fields' values, trimmed and lower-cased.
 */
function compileDoubleField(env: CompileEnv, scope: RowScope, props: Props): Pred {
  const fields = (Array.isArray(props.fields) ? props.fields : []).map((id) => env.field(id)).filter((f): f is FieldRow => f !== undefined);
  const q = env.alias();
  const partition = fields.length ? `PARTITION BY ${fields.map((f) => `lower(trim(${q}.f${f.id}))`).join(', ')}` : '';
  const mode = String(props['match-mode'])
    .replace(/^match_/, '')
    .replace(/_(sub)?profiles$/, '');
  const test = {
    unique: 'g = 1',
    non_unique: 'g > 1',
    repeated: 'id > rmin',
    non_repeated: 'id = rmin',
    last: 'id = rmax',
    toberepeated: 'id < rmax',
  }[mode];
  if (!test) return () => FALSE;
  const set =
    `SELECT id FROM (SELECT ${q}.id AS id, COUNT(*) OVER w AS g, MIN(${q}.id) OVER w AS rmin, MAX(${q}.id) OVER w AS rmax ` +
    `FROM ${scope.table} ${q} WHERE ${q}.removed IS NULL WINDOW w AS (${partition})) WHERE ${test}`;
  return (a) => `${a}.id IN (${set})`;
}
