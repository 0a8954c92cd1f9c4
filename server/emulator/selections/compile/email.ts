// The Email condition over the emailings module's Publisher data (selections.md §4.6, §6.3 "Email").
import type { Props } from '../condition-types.ts';
import type { RowScope } from './conditions.ts';
import type { CompileEnv, Pred } from './sql.ts';

/**
 * `n <operator> number` for the mailing conditions (defaults `>` and `0`). `<>` is documented as "between":
 * with a range like "2-5" it is an inclusive range, with one number it means "not equal" (§6.3).
 */
export function compareCount(n: string, operator: unknown, number: unknown): string {
  const raw = typeof number === 'string' ? number.trim() : '0';
  const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(raw);
  const k = Number.parseInt(raw, 10) || 0;
  switch (operator) {
    case '<':
      return `${n} < ${k}`;
    case '=':
      return `${n} = ${k}`;
    case '!=':
      return `${n} <> ${k}`;
    case '<>':
      return range ? `${n} BETWEEN ${Number(range[1])} AND ${Number(range[2])}` : `${n} <> ${k}`;
    default:
      return `${n} > ${k}`;
  }
}

/** The Email predicate, or null when the emailings data is not there (then the empty-history rule applies). */
export function compileEmailResults(_env: CompileEnv, _scope: RowScope, _props: Props): Pred | null {
  return null;
}
