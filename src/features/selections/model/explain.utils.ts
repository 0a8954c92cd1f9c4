import type { ConditionType, ConditionValue } from './condition-catalog';
import type { ConditionDraft, SelectionDraft } from './draft.utils';
import { hasAnyBound, inWindow, inWindowIgnoringYear, parseFixedTime, resolveWindow } from './time-window.utils';
import type { FieldInfo } from './validate.utils';

/**
 * "Why is this profile in or out": evaluates the draft client-side against one profile's fields and
 * interests, with three-valued logic. Types that need data the browser does not have (history, mail
 * results, other selections, other profiles) answer `null` — honestly "cannot be explained here".
 */
export type Verdict = true | false | null;
export type Subject = { ID: string; fields: Record<string, string>; interests?: string[]; removed?: false | string };
export type ExplainContext = { fields: readonly FieldInfo[]; interests: readonly { ID: string; name: string; group: string }[]; now: Date };

/** `decisive`: this condition decided its rule (the first that failed, or every one when all held). */
export type ConditionExplanation = {
  key: string;
  type: ConditionType;
  verdict: Verdict;
  field?: string;
  value?: string;
  decisive?: boolean;
};
export type RuleExplanation = {
  key: string;
  name: string;
  active: boolean;
  inversed: boolean;
  verdict: Verdict;
  /** This rule decided the outcome: the first rule that let the profile in, or (when it is out) every active rule. */
  decisive?: boolean;
  conditions: ConditionExplanation[];
};
export type Explanation = { verdict: Verdict; rules: RuleExplanation[] };

/** Types the browser can evaluate from a profile's own fields and interests. */
export const EXPLAINABLE: ReadonlySet<ConditionType> = new Set(['Field', 'Interest', 'Date']);

const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');
const NUMERIC_TYPES = new Set(['integer', 'float', 'foreign_key']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function findField(ref: string, ctx: ExplainContext): FieldInfo | undefined {
  return ctx.fields.find((f) => f.ID === ref) ?? ctx.fields.find((f) => f.name.toLowerCase() === ref.toLowerCase());
}

function fieldValue(subject: Subject, name: string): string {
  if (name in subject.fields) return subject.fields[name] ?? '';
  const key = Object.keys(subject.fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? (subject.fields[key] ?? '') : '';
}

export function compareField(comparison: string, v: string, rhs: string, numeric: boolean): boolean {
  const a = numeric ? Number(v) : v.toLowerCase();
  const b = numeric ? Number(rhs) : rhs.toLowerCase();
  switch (comparison) {
    case 'equals':
      return a === b;
    case 'not equals':
      return a !== b;
    case 'contains':
      return String(a).includes(String(b));
    case 'not contains':
      return !String(a).includes(String(b));
    case 'less':
      return a < b;
    case 'more':
      return a > b;
    case 'is_email':
      return EMAIL_RE.test(v.trim());
    case 'is-numeric':
      return /^\s*-?\d+(\.\d+)?\s*$/.test(v);
    case 'regexp':
      try {
        return new RegExp(rhs, 'i').test(v);
      } catch {
        return false;
      }
    default:
      return false;
  }
}

function explainCondition(c: ConditionDraft, subject: Subject, ctx: ExplainContext): ConditionExplanation {
  const base = { key: c.key, type: c.type };
  if (c.type === 'Field') {
    const field = findField(str(c.props.field), ctx);
    if (!field) return { ...base, verdict: null };
    const v = fieldValue(subject, field.name);
    const other = str(c.props['other-field']) ? findField(str(c.props['other-field']), ctx) : undefined;
    const rhs = other ? fieldValue(subject, other.name) : str(c.props.value);
    const numeric = c.props['numeric-comparison'] === true || NUMERIC_TYPES.has(field.type);
    return { ...base, verdict: compareField(str(c.props.comparison) || 'equals', v, rhs, numeric), field: field.name, value: v };
  }
  if (c.type === 'Interest') {
    const mode = str(c.props['match-mode']);
    const has = new Set((subject.interests ?? []).map((n) => n.toLowerCase()));
    if (mode.includes('group')) {
      const group = str(c.props['interest-group']).toLowerCase();
      const inGroup = ctx.interests.filter((i) => i.group.toLowerCase() === group && has.has(i.name.toLowerCase()));
      const any = inGroup.length > 0;
      return {
        ...base,
        verdict: mode.includes('without') ? !any : any,
        field: c.props['interest-group'] as string,
        value: inGroup.map((i) => i.name).join(', '),
      };
    }
    const ref = str(c.props.interest);
    const interest = ctx.interests.find((i) => i.ID === ref) ?? ctx.interests.find((i) => i.name.toLowerCase() === ref.toLowerCase());
    const name = interest?.name ?? ref;
    const on = has.has(name.toLowerCase());
    return { ...base, verdict: mode.includes('without') ? !on : on, field: name, value: on ? '✓' : '✗' };
  }
  if (c.type === 'Date') {
    const field = findField(str(c.props.field), ctx);
    if (!field) return { ...base, verdict: null };
    const raw = fieldValue(subject, field.name);
    const d = parseFixedTime(raw);
    if (!d) return { ...base, verdict: false, field: field.name, value: raw };
    if (!hasAnyBound(c.props)) return { ...base, verdict: true, field: field.name, value: raw };
    const w = resolveWindow(c.props, ctx.now);
    const verdict = c.props['compare-mode'] === 'ignoreyear' ? inWindowIgnoringYear(d, w) : inWindow(d, w);
    return { ...base, verdict, field: field.name, value: raw };
  }
  return { ...base, verdict: null };
}

/** AND in three-valued logic: one false decides; otherwise any unknown makes the rule unknown. */
function all(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(false)) return false;
  return verdicts.includes(null) ? null : true;
}

function any(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(true)) return true;
  return verdicts.includes(null) ? null : false;
}

const not = (v: Verdict): Verdict => (v === null ? null : !v);

export function explain(draft: SelectionDraft, subject: Subject, ctx: ExplainContext): Explanation {
  const rules = draft.rules.map((r): RuleExplanation => {
    const conditions = r.conditions.map((c) => explainCondition(c, subject, ctx));
    const active = !r.disabled && r.conditions.length > 0;
    // A Part condition slices what the others leave: only the API knows the order of the others.
    const hasPart = r.conditions.some((c) => c.type === 'Part');
    const matched = all(conditions.map((c) => c.verdict));
    const verdict = hasPart && matched !== false ? null : matched;
    return { key: r.key, name: r.name, active, inversed: r.inversed, verdict: r.inversed ? not(verdict) : verdict, conditions };
  });
  const activeRules = rules.filter((r) => r.active);
  // No active rule: the selection holds every profile of its parent (§5.3 (b)).
  const verdict = activeRules.length === 0 ? true : any(activeRules.map((r) => r.verdict));
  return { verdict, rules: markDecisive(rules, verdict) };
}

/** In: the first active rule that matched decided it. Out: every active rule did (each failed). Unknown: none. */
function markDecisive(rules: RuleExplanation[], verdict: Verdict): RuleExplanation[] {
  const firstIn = rules.find((r) => r.active && r.verdict === true);
  return rules.map((r) => {
    const decisive = verdict === true ? r === firstIn : verdict === false && r.active;
    if (!decisive) return r;
    // The rule's own body (before OR NOT): false because of its first failing condition, true because of all of them.
    const firstFalse = r.conditions.find((c) => c.verdict === false);
    return {
      ...r,
      decisive,
      conditions: r.conditions.map((c) => ({ ...c, decisive: firstFalse ? c === firstFalse : c.verdict === true })),
    };
  });
}
