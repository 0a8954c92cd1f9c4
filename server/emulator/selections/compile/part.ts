// The Part (sort/select) condition: sort what the rule's other conditions left and keep a slice of it
// (rest-condition-type-part.md, selections-conditions-partcondition.md; semantics of docs/api/selections.md §6.3).
//
// - Sort by `fields` ascending: numeric fields as numbers, others case-insensitively; ties by ID ascending;
//   without fields by ID.
// - `begin`: an offset, or a percentage of N (floor). A leading "-" (also "-0") reverses the field order,
//   so "-0" with length 1 is the last record. REST has no direction property, so this is the only way down.
// - `length`: a count or percentage; negative = N minus that amount; unset = everything from `begin`.
//
// This gives the doc page's quiz example: fields [Score]: "-0"/1 → Mike, "-1"/2 → Sam and Chris, "0"/1 → Emily.
import { isNumericType } from '../../core/values.ts';
import type { Props } from '../condition-types.ts';
import type { CompileEnv, Pred, RowScope } from './sql.ts';

interface Offset {
  negative: boolean;
  value: number;
  percent: boolean;
}

export function parseOffset(raw: unknown): Offset | null {
  if (typeof raw !== 'string') return null;
  const m = /^\s*(-?)(\d+(?:\.\d+)?)(%?)\s*$/.exec(raw);
  if (!m) return null;
  return { negative: m[1] === '-', value: Number(m[2]), percent: m[3] === '%' };
}

/** SQL for |offset| as a row count, given the window column `n` (the number of sorted rows). */
function amount(o: Offset): string {
  return o.percent ? `CAST(n * ${o.value} / 100.0 AS INTEGER)` : String(Math.floor(o.value));
}

/** A SELECT of the `id`s in the slice. `inner` = base AND the rule's earlier conditions. */
export function partSlice(env: CompileEnv, scope: RowScope, inner: Pred, props: Props): string {
  const begin = parseOffset(props.begin) ?? { negative: false, value: 0, percent: false };
  const length = parseOffset(props.length);
  const q = env.alias();
  const direction = begin.negative ? 'DESC' : 'ASC';
  const keys: string[] = [];
  for (const id of Array.isArray(props.fields) ? props.fields : []) {
    const f = env.field(id);
    if (!f) continue; // a deleted sort field no longer sorts
    keys.push(isNumericType(f.type) ? `${q}.f${f.id} ${direction}` : `${q}.f${f.id} COLLATE NOCASE ${direction}`);
  }
  keys.push(keys.length === 0 ? `${q}.id ${direction}` : `${q}.id ASC`);
  const from = amount(begin);
  const count = length === null ? 'n' : length.negative ? `(n - ${amount(length)})` : amount(length);
  return (
    `SELECT id FROM (SELECT ${q}.id AS id, ROW_NUMBER() OVER (ORDER BY ${keys.join(', ')}) - 1 AS rn, COUNT(*) OVER () AS n ` +
    `FROM ${scope.table} ${q} WHERE ${inner(q)}) WHERE rn >= ${from} AND rn < ${from} + ${count}`
  );
}
