import type { DatabaseField } from '@/api/databases';
import type { FieldConditionBody } from '@/api/selection-from-filter';
import { inputKind, selectChoices } from '../fields/field-values.utils';
import { type FilterRule, SPECIAL_FIELDS } from './filter.utils';

/**
 * The profile (or subprofile) filter as selection rules. The filter ANDs `fields[]` conditions
 * (docs/api/conventions.md §7); a rule ANDs its conditions and rules are ORed (docs/api/selections.md §5.1–5.2),
 * so each filter condition becomes one Field condition (§4.1) in one rule. "At most" / "at least" have no
 * comparison of their own: they become "less" OR "equals", i.e. the rule is repeated once per alternative.
 * Whatever has no faithful form is returned in `skipped` with the reason, never dropped silently.
 */

export type FilterField = Pick<DatabaseField, 'ID' | 'name' | 'type' | 'value'>;

export type SkipReason =
  | 'specialName' // id, code, modified: no field, so no Field condition
  | 'unknownField'
  | 'notANumber' // a numeric field compared with text: the filter would read it as 0
  | 'dateFormat' // the filter parses dates loosely; a condition compares the text as written
  | 'choiceCase' // select fields filter case-sensitively, conditions compare without case
  | 'likeOnNumberOrDate' // LIKE works on the text the API shows, which a condition cannot see
  | 'notLikePattern' // NOT LIKE with wildcards other than %text% has no negated pattern comparison
  | 'tooManyAlternatives';

export type Skipped = { rule: FilterRule; reason: SkipReason };

/** How the sentence says one kept condition. */
export type Phrase = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'contains' | 'notContains' | 'matches' | 'isEmpty' | 'isNotEmpty';

export type RulePlan = {
  /** Conditions per rule: at least one rule when anything was kept. */
  rules: FieldConditionBody[][];
  /** The filter conditions the rules reproduce: their `fields[]` count is what the selection will hold. */
  kept: FilterRule[];
  phrases: { field: string; phrase: Phrase; value: string }[];
  skipped: Skipped[];
};

/** At most 2^3 = 8 copies of the rule: more would be unreadable in the builder. */
const MAX_ALTERNATIVE_CONDITIONS = 3;

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

type Translated = { alternatives: Omit<FieldConditionBody, 'type' | 'field'>[]; phrase: Phrase; value: string } | { reason: SkipReason };

const COMPARISONS: Record<'==' | '!=' | '<>' | '<' | '>' | '<=' | '>=', { comparisons: string[]; phrase: Phrase }> = {
  '==': { comparisons: ['equals'], phrase: 'eq' },
  '!=': { comparisons: ['not equals'], phrase: 'ne' },
  '<>': { comparisons: ['not equals'], phrase: 'ne' },
  '<': { comparisons: ['less'], phrase: 'lt' },
  '>': { comparisons: ['more'], phrase: 'gt' },
  '<=': { comparisons: ['less', 'equals'], phrase: 'le' },
  '>=': { comparisons: ['more', 'equals'], phrase: 'ge' },
};

/** LIKE pattern → an anchored regular expression: `%` any run, `_` one character, the rest literal. */
export function likeToRegexp(pattern: string): string {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return `^${body}$`;
}

function translate(rule: FilterRule, field: FilterField): Translated {
  const kind = inputKind(field.type);
  const numeric = kind === 'integer' || kind === 'float';
  const dated = kind === 'date' || kind === 'datetime';
  if (rule.op === '=~' || rule.op === '!~') {
    if (numeric || dated) return { reason: 'likeOnNumberOrDate' };
    const inner = /^%([^%_]+)%$/.exec(rule.value)?.[1];
    const negate = rule.op === '!~';
    if (inner !== undefined) {
      const comparison = negate ? 'not contains' : 'contains';
      return {
        alternatives: [{ comparison, value: inner, 'numeric-comparison': false }],
        phrase: negate ? 'notContains' : 'contains',
        value: inner,
      };
    }
    if (negate) return { reason: 'notLikePattern' };
    return {
      alternatives: [{ comparison: 'regexp', value: likeToRegexp(rule.value), 'numeric-comparison': false }],
      phrase: 'matches',
      value: rule.value,
    };
  }
  const { comparisons, phrase } = COMPARISONS[rule.op];
  // Numeric and date fields: the filter converts the value first, which allows spaces around it.
  const value = numeric || dated ? rule.value.trim() : rule.value;
  const emptyAllowed = rule.op === '==' || rule.op === '!=' || rule.op === '<>';
  if (numeric && !NUMBER.test(value) && !(value === '' && emptyAllowed)) return { reason: 'notANumber' };
  if (dated && !(kind === 'date' ? DATE : DATETIME).test(value)) return { reason: 'dateFormat' };
  if (kind === 'select' && value !== '') {
    const { choices } = selectChoices(field.value);
    if (!choices.includes(value) && choices.some((c) => c.toLowerCase() === value.toLowerCase())) return { reason: 'choiceCase' };
  }
  const empty = value === '' && emptyAllowed;
  return {
    alternatives: comparisons.map((comparison) => ({ comparison, value, 'numeric-comparison': numeric })),
    phrase: empty ? (rule.op === '==' ? 'isEmpty' : 'isNotEmpty') : phrase,
    value,
  };
}

/** Every combination of one alternative per condition: (a) × (b or c) → [a,b], [a,c]. */
function combinations(lists: FieldConditionBody[][]): FieldConditionBody[][] {
  return lists.reduce<FieldConditionBody[][]>((acc, options) => acc.flatMap((prefix) => options.map((o) => [...prefix, o])), [[]]);
}

export function planFromFilter(filter: readonly FilterRule[], fields: readonly FilterField[]): RulePlan {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const lists: FieldConditionBody[][] = [];
  const plan: RulePlan = { rules: [], kept: [], phrases: [], skipped: [] };
  let alternativeConditions = 0;
  for (const rule of filter) {
    const field = byName.get(rule.field.toLowerCase());
    if (!field) {
      const special = (SPECIAL_FIELDS as readonly string[]).includes(rule.field.toLowerCase());
      plan.skipped.push({ rule, reason: special ? 'specialName' : 'unknownField' });
      continue;
    }
    const t = translate(rule, field);
    if ('reason' in t) {
      plan.skipped.push({ rule, reason: t.reason });
      continue;
    }
    if (t.alternatives.length > 1 && ++alternativeConditions > MAX_ALTERNATIVE_CONDITIONS) {
      plan.skipped.push({ rule, reason: 'tooManyAlternatives' });
      continue;
    }
    lists.push(t.alternatives.map((a) => ({ type: 'Field', field: String(field.ID), ...a })));
    plan.kept.push(rule);
    plan.phrases.push({ field: field.name, phrase: t.phrase, value: t.value });
  }
  plan.rules = lists.length ? combinations(lists) : [];
  return plan;
}
