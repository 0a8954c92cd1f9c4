import { conditionFromApi, type SelectionDraft } from './draft.utils';

/**
 * `/databases/:id/selections/new?condition=<encodeURIComponent(JSON.stringify(condition))>`: campaign
 * statistics link here with an Email condition's POST body. The draft gets one rule holding it.
 * Returns null (and the editor starts empty) for anything that is not a known condition type.
 */
export function draftFromConditionParam(param: string | null, ruleName: string): SelectionDraft | null {
  if (!param) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(param);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { ID: _id, rule: _rule, ...body } = parsed as Record<string, unknown>;
  const condition = conditionFromApi(body);
  if (!condition) return null;
  return { rules: [{ key: `prefill-${condition.key}`, name: ruleName, inversed: false, disabled: false, conditions: [condition] }] };
}
