import type { ConditionValue } from './condition-catalog';
import type { ConditionDraft, RuleDraft, SelectionDraft } from './draft.utils';
import type { FieldInfo } from './validate.utils';

/**
 * Which counts can be read with the documented `fields[]` filter on the parent's member list
 * (docs/api/conventions.md §7) instead of a scratch view. A count is a signed sum of filtered totals:
 * `Σ sign · total(base?fields[]=…)`. Everything else needs a scratch view (see docs/selections-live-counts.md).
 */
export type Term = { sign: 1 | -1; filters: string[] };
export type CountPlan = { view: Term[] | null; rules: Record<string, Term[] | null> };

const OPS: Record<string, string> = { equals: '==', 'not equals': '!=', less: '<', more: '>', contains: '=~', 'not contains': '!~' };
const NUMERIC_TYPES = new Set(['integer', 'float', 'foreign_key']);
const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');

/** One Field condition as a filter expression, or null when the filter cannot say exactly the same. */
export function conditionFilter(c: ConditionDraft, fields: readonly FieldInfo[]): string | null {
  if (c.type !== 'Field') return null;
  const op = OPS[str(c.props.comparison) || 'equals'];
  if (!op || str(c.props['other-field'])) return null;
  const ref = str(c.props.field);
  const field = fields.find((f) => f.ID === ref) ?? fields.find((f) => f.name.toLowerCase() === ref.toLowerCase());
  if (!field) return null;
  const numericField = NUMERIC_TYPES.has(field.type);
  // The filter compares in the field's own type: a numeric comparison on a text field is not expressible.
  if (c.props['numeric-comparison'] === true && !numericField) return null;
  // select fields compare case-sensitively in the filter, conditions do not (docs/api/conventions.md §7).
  if (field.type === 'select' && op !== '<' && op !== '>') return null;
  const value = str(c.props.value);
  // The expression is trimmed and parsed on operator characters: such values would change meaning.
  if (value !== value.trim() || /^[=<>!~]/.test(value)) return null;
  if (op === '=~' || op === '!~') {
    if (/[%_]/.test(value) || value === '') return null; // LIKE wildcards inside the value
    return `${field.name}${op}%${value}%`;
  }
  if ((op === '<' || op === '>') && value === '') return null;
  return `${field.name}${op}${value}`;
}

export function ruleFilters(r: RuleDraft, fields: readonly FieldInfo[]): string[] | null {
  const out: string[] = [];
  for (const c of r.conditions) {
    const f = conditionFilter(c, fields);
    if (f === null) return null;
    out.push(f);
  }
  return out;
}

/** Inclusion–exclusion over at most this many OR'ed rules (2^n − 1 totals). */
export const MAX_UNION_RULES = 3;

export function planCounts(draft: SelectionDraft, fields: readonly FieldInfo[]): CountPlan {
  const rules: Record<string, Term[] | null> = {};
  const active = draft.rules.filter((r) => !r.disabled && r.conditions.length > 0);
  const filtersByRule = new Map<string, string[] | null>();
  for (const r of draft.rules) {
    const f = r.conditions.length ? ruleFilters(r, fields) : null;
    filtersByRule.set(r.key, f);
    rules[r.key] =
      f === null
        ? null
        : r.inversed
          ? [
              { sign: 1, filters: [] },
              { sign: -1, filters: f },
            ]
          : [{ sign: 1, filters: f }];
  }
  let view: Term[] | null = null;
  if (active.length === 0) view = [{ sign: 1, filters: [] }];
  else if (active.length === 1) view = rules[(active[0] as RuleDraft).key] ?? null;
  else if (active.length <= MAX_UNION_RULES && active.every((r) => !r.inversed && filtersByRule.get(r.key))) {
    const sets = active.map((r) => filtersByRule.get(r.key) as string[]);
    view = [];
    for (let mask = 1; mask < 1 << sets.length; mask++) {
      const chosen = sets.filter((_, i) => mask & (1 << i));
      view.push({ sign: chosen.length % 2 === 1 ? 1 : -1, filters: [...new Set(chosen.flat())].sort() });
    }
  }
  return { view, rules };
}

export function sumTerms(terms: Term[], totals: ReadonlyMap<string, number>): number | null {
  let n = 0;
  for (const t of terms) {
    const total = totals.get(filterKey(t.filters));
    if (total === undefined) return null;
    n += t.sign * total;
  }
  return n;
}

export const filterKey = (filters: readonly string[]) => JSON.stringify([...filters].sort());

/** A stable signature of what a rule selects (names and keys do not change the result). */
export function ruleSignature(r: RuleDraft): string {
  return JSON.stringify([
    r.inversed,
    r.conditions.map((c) => [c.type, Object.entries(c.props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]),
  ]);
}

export function draftSignature(draft: SelectionDraft): string {
  return JSON.stringify(draft.rules.filter((r) => !r.disabled && r.conditions.length > 0).map(ruleSignature));
}
