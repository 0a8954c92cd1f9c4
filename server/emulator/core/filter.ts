// The `fields[]` filter, `orderby` and `order` (docs/api/conventions.md §7–8, restv3/rest-fields-parameter.md),
// compiled to SQL over the values tables of storage.ts.
import type { Query } from './context.ts';
import { intPrefix } from './http.ts';
import type { FieldRow } from './model.ts';
import { fieldColumn } from './storage.ts';
import { isDateTimeType, isDateType, isNumericType, normalizeValue } from './values.ts';

export type Operator = '==' | '!=' | '<>' | '<' | '>' | '<=' | '>=' | '=~' | '!~';
const OPERATORS = new Set<string>(['==', '!=', '<>', '<', '>', '<=', '>=', '=~', '!~']);
const OP_CHARS = '=<>!~';

export interface Condition {
  name: string;
  op: Operator;
  value: string;
}

/**
 * `<name><op><value>`: the name is everything before the first operator character, the operator the
 * following run of 1–2 operator characters. The whole expression is trimmed; inner spaces are literal.
 * Returns undefined for malformed expressions (which the API silently ignores).
 */
export function parseCondition(expression: string): Condition | undefined {
  const expr = expression.trim();
  let i = 0;
  while (i < expr.length && !OP_CHARS.includes(expr[i] as string)) i++;
  if (i === 0 || i === expr.length) return undefined;
  let op = expr[i] as string;
  if (i + 1 < expr.length && OP_CHARS.includes(expr[i + 1] as string)) op += expr[i + 1];
  if (!OPERATORS.has(op)) return undefined;
  return { name: expr.slice(0, i), op: op as Operator, value: expr.slice(i + op.length) };
}

/** Each `fields[]` operator as SQL; the emailings module's event filters use the same table. */
export const SQL_OP: Record<Operator, string> = {
  '==': '=',
  '!=': '<>',
  '<>': '<>',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
  '=~': 'LIKE',
  '!~': 'NOT LIKE',
};

export interface CompiledFilter {
  /** SQL conditions to AND together (no leading WHERE). */
  where: string[];
  params: (string | number)[];
  /** How many conditions were understood (the rest was silently dropped). */
  used: number;
}

/** Field names are case-insensitive; a real field wins over the special names id/code/modified. */
export function findFilterField(fields: FieldRow[], name: string): FieldRow | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower);
}

export function compileFilter(expressions: string[] | undefined, fields: FieldRow[], now: Date, alias = ''): CompiledFilter {
  const out: CompiledFilter = { where: [], params: [], used: 0 };
  for (const expression of expressions ?? []) {
    const cond = parseCondition(expression);
    if (!cond) continue;
    const like = cond.op === '=~' || cond.op === '!~';
    const field = findFilterField(fields, cond.name);
    let column: string;
    let value: string | number;
    if (field) {
      column = fieldColumn(field.id);
      // LIKE works on text: write whole floats as the API shows them ("2", not SQLite's "2.0").
      if (like && field.type === 'float') {
        const col = `${alias}${column}`;
        column = `(CASE WHEN ${col} = CAST(${col} AS INTEGER) THEN CAST(CAST(${col} AS INTEGER) AS TEXT) ELSE CAST(${col} AS TEXT) END)`;
      }
      // Values are coerced to the field type before comparing; text and select compare the raw string.
      if (like) value = cond.value;
      else if (isNumericType(field.type) || isDateType(field.type) || isDateTimeType(field.type))
        value = normalizeValue(field, cond.value, now);
      else value = cond.value;
    } else {
      const special = cond.name.toLowerCase();
      if (special === 'id') {
        column = 'id';
        value = like ? cond.value : intPrefix(cond.value);
      } else if (special === 'code') {
        column = 'secret';
        value = cond.value;
      } else if (special === 'modified') {
        column = 'modified';
        value = cond.value;
      } else {
        continue; // unknown field: dropped, not an error
      }
    }
    out.where.push(`${column.startsWith('(') ? '' : alias}${column} ${SQL_OP[cond.op]} ?`);
    out.params.push(value);
    out.used++;
  }
  return out;
}

/** ORDER BY clause: a field name or ID, or `id` (default), `modified`, `random`; ties broken by ID. */
export function compileOrder(query: Query, fields: FieldRow[], alias = ''): string {
  const orderby = query.get('orderby');
  const orderRaw = query.get('order');
  const desc = orderRaw !== undefined && ['desc', 'descending'].includes(orderRaw.toLowerCase());
  const dir = desc ? 'DESC' : 'ASC';
  if (orderby === undefined) return `${alias}id ${dir}`;
  const lower = orderby.toLowerCase();
  if (lower === 'random') return 'RANDOM()';
  if (lower === 'modified') return `${alias}modified ${dir}, ${alias}id ${dir}`;
  const field = /^\d+$/.test(orderby) ? fields.find((f) => f.id === Number(orderby)) : findFilterField(fields, orderby);
  if (field) return `${alias}${fieldColumn(field.id)} ${dir}, ${alias}id ASC`;
  return `${alias}id ${dir}`;
}
