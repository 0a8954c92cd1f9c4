import type { DatabaseField } from '@/api/databases';
import { selectChoices } from '../fields/field-values.utils';
import type { FilterRule, Operator } from './filter.utils';

/**
 * A row of the filter form. "is empty" / "is not empty" are operators of their own, so an empty value box
 * never means "empty field" by accident: a row without a value is unfinished and is not applied.
 * A choice field with "does not equal" takes several choices (each one more AND-ed `!=` condition).
 */
export type RowOp = Operator | 'empty' | 'notEmpty';
export type FilterRow = { field: string; op: RowOp; values: string[] };
export type RowProblem = 'noValue' | 'notAChoice';

type RowField = Pick<DatabaseField, 'name' | 'type' | 'value'>;

export const blankRow = (field: string): FilterRow => ({ field, op: '==', values: [] });

export const isChoiceField = (f: RowField | undefined) => f?.type === 'select';

/** "is none of": several `!=` conditions AND together; "equals" can only ever hold one value. */
export function allowsSeveral(op: RowOp, field: RowField | undefined): boolean {
  return isChoiceField(field) && (op === '!=' || op === '<>');
}

const findField = (fields: readonly RowField[], name: string) => fields.find((f) => f.name.toLowerCase() === name.toLowerCase());

/** The URL's conditions as rows: `x==` is "is empty", consecutive `!=` on one choice field are one row. */
export function rowsFromRules(rules: readonly FilterRule[], fields: readonly RowField[]): FilterRow[] {
  const rows: FilterRow[] = [];
  for (const r of rules) {
    if (r.value === '' && r.op === '==') rows.push({ field: r.field, op: 'empty', values: [] });
    else if (r.value === '' && (r.op === '!=' || r.op === '<>')) rows.push({ field: r.field, op: 'notEmpty', values: [] });
    else {
      const last = rows.at(-1);
      const same = last && last.field.toLowerCase() === r.field.toLowerCase() && last.op === r.op;
      if (same && allowsSeveral(r.op, findField(fields, r.field))) last.values.push(r.value);
      else rows.push({ field: r.field, op: r.op, values: [r.value] });
    }
  }
  return rows;
}

/** Why a row cannot be applied yet, or null when it can. */
export function rowProblem(row: FilterRow, fields: readonly RowField[]): RowProblem | null {
  if (row.op === 'empty' || row.op === 'notEmpty') return null;
  const values = row.values.filter((v) => v.trim() !== '');
  if (values.length === 0) return 'noValue';
  const field = findField(fields, row.field);
  if (isChoiceField(field) && row.op !== '=~' && row.op !== '!~') {
    const { choices } = selectChoices(field?.value ?? '');
    if (values.some((v) => !choices.includes(v))) return 'notAChoice';
  }
  return null;
}

/** The finished rows as `fields[]` conditions; unfinished rows are left out and reported by index. */
export function rulesFromRows(rows: readonly FilterRow[], fields: readonly RowField[]) {
  const rules: FilterRule[] = [];
  const unfinished = new Map<number, RowProblem>();
  rows.forEach((row, i) => {
    const problem = rowProblem(row, fields);
    if (problem) unfinished.set(i, problem);
    else if (row.op === 'empty') rules.push({ field: row.field, op: '==', value: '' });
    else if (row.op === 'notEmpty') rules.push({ field: row.field, op: '!=', value: '' });
    else {
      const op = row.op;
      for (const value of row.values.filter((v) => v.trim() !== '')) rules.push({ field: row.field, op, value });
    }
  });
  return { rules, unfinished };
}
