import type { DatabaseField } from '@/api/databases';

/** The `fields` filter operators (docs/api/conventions.md §7), two-character ones first for parsing. */
export const OPERATORS = ['==', '!=', '<>', '<=', '>=', '=~', '!~', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export type FilterRule = { field: string; op: Operator; value: string };

/** Names the API understands without a field of that name. */
export const SPECIAL_FIELDS = ['id', 'code', 'modified'] as const;

const RULE = /^([A-Za-z_][A-Za-z0-9_]*)(==|!=|<>|<=|>=|=~|!~|<|>)(.*)$/s;

export function toExpression(rule: FilterRule): string {
  return `${rule.field}${rule.op}${rule.value}`;
}

/** Parses `field<op>value` (the field name is the prefix before the first operator, as the API parses it). */
export function parseExpression(expr: string): FilterRule | null {
  const m = RULE.exec(expr);
  if (!m) return null;
  return { field: m[1] as string, op: m[2] as Operator, value: m[3] as string };
}

/**
 * Builds `fields[]`. Conditions naming an unknown field are dropped here, on purpose and visibly: the API
 * drops them silently, and on a bulk update a filter of only unknown names would hit every profile
 * (docs/api/databases.md §6, PUT database/$id/profiles).
 */
export function toFieldsParam(rules: FilterRule[], fields: Pick<DatabaseField, 'name'>[]): { fields: string[]; dropped: FilterRule[] } {
  const known = new Set([...fields.map((f) => f.name.toLowerCase()), ...SPECIAL_FIELDS]);
  const out: string[] = [];
  const dropped: FilterRule[] = [];
  for (const r of rules) {
    if (known.has(r.field.toLowerCase())) out.push(toExpression(r));
    else dropped.push(r);
  }
  return { fields: out, dropped };
}

/** Quick search: digits → the profile ID; anything else → a LIKE on the e-mail field. */
export function quickSearchRule(q: string, emailFieldName: string | undefined): FilterRule | null {
  const s = q.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) return { field: 'id', op: '==', value: s };
  if (!emailFieldName) return null;
  // `%` and `_` are LIKE wildcards; a search for "ann" means "contains ann".
  return { field: emailFieldName, op: '=~', value: s.includes('%') ? s : `%${s}%` };
}
