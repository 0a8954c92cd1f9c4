import { choiceValueProblem } from './choice-value.utils';
import { activeProps, type ConditionValue } from './condition-catalog';
import type { ConditionDraft, SelectionDraft } from './draft.utils';
import { parseFixedTime, parseMutation } from './time-window.utils';

/** Validation message keys; the messages themselves live in the feature's catalog (en + nl). */
export type ValidationKey =
  | 'errRequired'
  | 'errNumber'
  | 'errRegexp'
  | 'errChooseValue'
  | 'errOffset'
  | 'errMinMax'
  | 'errDateField'
  | 'errTime'
  | 'errMutation'
  | 'errRuleName'
  | 'errRuleNameTaken'
  | 'errSelectionName';

export type FieldInfo = { ID: string; name: string; type: string };
export type ConditionErrors = Record<string, ValidationKey>;

const DATE_TYPES = new Set(['date', 'empty_date', 'datetime', 'empty_datetime']);
const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');
const isBlank = (v: ConditionValue | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function validateCondition(c: ConditionDraft, fields: readonly FieldInfo[]): ConditionErrors {
  const errors: ConditionErrors = {};
  for (const spec of activeProps(c.type, c.props)) {
    const v = c.props[spec.name];
    if (spec.required && spec.kind !== 'bool' && isBlank(v)) {
      errors[spec.name] = 'errRequired';
      continue;
    }
    const s = str(v).trim();
    if (!s) continue;
    if (spec.kind === 'number' && !/^-?\d+$/.test(s)) errors[spec.name] = 'errNumber';
    if (spec.kind === 'offset' && !/^-?\d+%?$/.test(s)) errors[spec.name] = 'errOffset';
    if (spec.kind === 'dateField') {
      const f = fields.find((x) => x.ID === s || x.name.toLowerCase() === s.toLowerCase());
      if (f && !DATE_TYPES.has(f.type)) errors[spec.name] = 'errDateField';
    }
  }
  if (c.type === 'Field' && activeProps(c.type, c.props).some((p) => p.name === 'value')) {
    const ref = str(c.props.field);
    const field = fields.find((x) => x.ID === ref || x.name.toLowerCase() === ref.toLowerCase());
    const problem = choiceValueProblem(c.props, field?.type);
    if (problem) errors.value = problem;
  }
  if (c.type === 'Field' && c.props.comparison === 'regexp' && !errors.value) {
    try {
      new RegExp(str(c.props.value));
    } catch {
      errors.value = 'errRegexp';
    }
  }
  if (c.type === 'MiniView') {
    const min = Number(str(c.props['min-subprofiles']) || '1');
    const max = Number(str(c.props['max-subprofiles']) || 'Infinity');
    if (!errors['max-subprofiles'] && min > max) errors['max-subprofiles'] = 'errMinMax';
  }
  if (c.type === 'LastContact' || c.type === 'ToDo') {
    const min = str(c.props['min-closed']);
    const max = str(c.props['max-closed']);
    if (min && max && !errors['max-closed'] && Number(min) > Number(max)) errors['max-closed'] = 'errMinMax';
  }
  for (const side of ['after', 'before'] as const) {
    const time = str(c.props[`${side}-time`]).trim();
    if (time && !parseFixedTime(time)) errors[`${side}-time`] = 'errTime';
    const mutation = str(c.props[`${side}-mutation`]).trim();
    if (mutation && !parseMutation(mutation)) errors[`${side}-mutation`] = 'errMutation';
  }
  return errors;
}

/** Letters, digits, underscores and inner spaces; no leading or trailing space (docs/api/selections.md §2.1). */
export function validateSelectionName(name: string): ValidationKey | null {
  if (!name || name !== name.trim() || !/^[\p{L}\p{N}_ ]+$/u.test(name)) return 'errSelectionName';
  return null;
}

export type DraftErrors = { rules: Record<string, ValidationKey>; conditions: Record<string, ConditionErrors>; count: number };

export function validateDraft(draft: SelectionDraft, fields: readonly FieldInfo[]): DraftErrors {
  const out: DraftErrors = { rules: {}, conditions: {}, count: 0 };
  const seen = new Set<string>();
  for (const r of draft.rules) {
    const name = r.name.trim().toLowerCase();
    if (!name) out.rules[r.key] = 'errRuleName';
    else if (seen.has(name)) out.rules[r.key] = 'errRuleNameTaken';
    seen.add(name);
    for (const c of r.conditions) {
      const e = validateCondition(c, fields);
      if (Object.keys(e).length) out.conditions[c.key] = e;
    }
  }
  out.count = Object.keys(out.rules).length + Object.values(out.conditions).reduce((n, e) => n + Object.keys(e).length, 0);
  return out;
}
