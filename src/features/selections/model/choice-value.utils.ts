import { selectChoices } from '@/api/fields';
import type { ConditionProps } from './condition-catalog';

/**
 * The value of a Field condition on a choice (`select`) field. Copernica keeps the choices in the field's
 * `value`, one per line, `*` marking the default (docs/api/databases.md §2.3). An empty value means "the field
 * is empty" (docs/api/selections.md §6.3), so it must be chosen on purpose: a value never chosen is refused.
 * "Matches the pattern" (regexp) takes several choices, written as one anchored alternation.
 */

export function fieldChoices(value: string): string[] {
  return selectChoices(value).choices;
}

export type ChoiceMode = 'one' | 'several' | 'free';

/** equals / not equals: one choice (or "(empty)"); regexp: several; contains, less, more: free text. */
export function choiceMode(comparison: string | undefined): ChoiceMode {
  if (comparison === undefined || comparison === '' || comparison === 'equals' || comparison === 'not equals') return 'one';
  if (comparison === 'regexp') return 'several';
  return 'free';
}

const escapeRegexp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescapeRegexp = (s: string) => s.replace(/\\(.)/g, '$1');

/** Several choices → `^(NL|BE)$`; none → ''. */
export function choicesToPattern(choices: readonly string[]): string {
  return choices.length ? `^(${choices.map(escapeRegexp).join('|')})$` : '';
}

/** `^(NL|BE)$` (or `^NL$`) → its choices; null when the pattern is anything else (shown as free text). */
export function patternToChoices(pattern: string, choices: readonly string[]): string[] | null {
  if (pattern === '') return [];
  const m = /^\^\((.*)\)\$$/s.exec(pattern) ?? /^\^(.*)\$$/s.exec(pattern);
  if (!m) return null;
  const parts = (m[1] as string).split(/(?<!\\)\|/).map(unescapeRegexp);
  const canonical = choicesToPattern(parts) === pattern || (parts.length === 1 && `^${escapeRegexp(parts[0] as string)}$` === pattern);
  return canonical && parts.every((p) => choices.includes(p)) ? parts : null;
}

/** Refuses a value on a choice field that was never chosen (undefined), or a pattern without any choice. */
export function choiceValueProblem(props: ConditionProps, fieldType: string | undefined): 'errChooseValue' | null {
  if (fieldType !== 'select' || (typeof props['other-field'] === 'string' && props['other-field'] !== '')) return null;
  const comparison = typeof props.comparison === 'string' ? props.comparison : undefined;
  const mode = choiceMode(comparison);
  if (mode === 'one' && props.value === undefined) return 'errChooseValue';
  if (mode === 'several' && (typeof props.value !== 'string' || props.value === '')) return 'errChooseValue';
  return null;
}
