import type { RuleRef } from '@/api/selection-writes';
import { activeProps, type ConditionProps, type ConditionType, type ConditionValue, TIME_PROPS, TYPE_SPECS } from './condition-catalog';
import type { ConditionDraft, RuleDraft, SelectionDraft } from './draft.utils';

/**
 * Draft → the smallest set of API calls (docs/api/selections.md §7 "Saving"):
 * - a removed rule is one DELETE (its conditions go with it, R3);
 * - a new rule is a POST, then one POST per condition (C1 needs the new rule's ID);
 * - a changed rule is one PUT with only the changed properties (R2);
 * - a changed condition is one PUT with only the changed properties (C2);
 * - a condition whose type changed is DELETE + POST (the type cannot be changed, C2).
 * Deletes go first so a name freed by a deleted rule can be reused by a new one.
 */
export type SaveStep =
  | { op: 'deleteRule'; ruleId: string; name: string }
  | { op: 'updateRule'; ruleId: string; name: string; body: Record<string, unknown> }
  | { op: 'createRule'; ruleKey: string; name: string; body: Record<string, unknown> }
  | { op: 'deleteCondition'; conditionId: string; type: ConditionType; ruleName: string }
  | { op: 'updateCondition'; conditionId: string; type: ConditionType; ruleName: string; body: Record<string, unknown> }
  | { op: 'createCondition'; rule: RuleRef; conditionKey: string; type: ConditionType; ruleName: string; body: Record<string, unknown> };

const isEmpty = (v: ConditionValue | undefined) => v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);

export function sameValue(a: ConditionValue | undefined, b: ConditionValue | undefined): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.join('\u0000') === b.join('\u0000');
  return a === b;
}

/** Lists go out in the documented string form `"[firstname, lastname]"` (rest-condition-type-doublefield.md). */
function wireValue(v: ConditionValue): unknown {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return v;
}

/** The properties that apply now: the type's own (per `when`) plus the time window for timed types. */
export function sendableProps(type: ConditionType, props: ConditionProps): string[] {
  const names = activeProps(type, props).map((p) => p.name);
  if (TYPE_SPECS[type].time) names.push(...TIME_PROPS);
  return names;
}

/** POST body: `type` plus every applicable property that has a value. */
export function createConditionBody(c: Pick<ConditionDraft, 'type' | 'props'>): Record<string, unknown> {
  const body: Record<string, unknown> = { type: c.type };
  for (const name of sendableProps(c.type, c.props)) {
    const v = c.props[name];
    if (v !== undefined && !isEmpty(v)) body[name] = wireValue(v);
    else if (typeof v === 'boolean') body[name] = v;
  }
  return body;
}

/** PUT body: only what changed; an emptied property is sent as `""` so the API clears it. */
export function updateConditionBody(before: ConditionDraft, after: ConditionDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const names = new Set([...sendableProps(after.type, after.props), ...sendableProps(before.type, before.props)]);
  const applies = new Set(sendableProps(after.type, after.props));
  for (const name of names) {
    const now = applies.has(name) ? after.props[name] : undefined;
    if (sameValue(before.props[name], now)) continue;
    body[name] =
      now === undefined
        ? typeof before.props[name] === 'boolean'
          ? false
          : ''
        : isEmpty(now) && !Array.isArray(now)
          ? now
          : wireValue(now);
  }
  return body;
}

function ruleBody(r: RuleDraft): Record<string, unknown> {
  return { name: r.name, inversed: r.inversed, disabled: r.disabled };
}

function ruleChanges(before: RuleDraft, after: RuleDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (before.name !== after.name) body.name = after.name;
  if (before.inversed !== after.inversed) body.inversed = after.inversed;
  if (before.disabled !== after.disabled) body.disabled = after.disabled;
  return body;
}

export function planSave(saved: SelectionDraft, draft: SelectionDraft): SaveStep[] {
  const deletes: SaveStep[] = [];
  const updates: SaveStep[] = [];
  const creates: SaveStep[] = [];
  const savedRules = new Map(saved.rules.filter((r) => r.id).map((r) => [r.id as string, r]));
  const keptRuleIds = new Set(draft.rules.map((r) => r.id).filter(Boolean));

  for (const r of saved.rules) if (r.id && !keptRuleIds.has(r.id)) deletes.push({ op: 'deleteRule', ruleId: r.id, name: r.name });

  for (const rule of draft.rules) {
    const before = rule.id ? savedRules.get(rule.id) : undefined;
    if (!before || !rule.id) {
      creates.push({ op: 'createRule', ruleKey: rule.key, name: rule.name, body: ruleBody(rule) });
      for (const c of rule.conditions)
        creates.push({
          op: 'createCondition',
          rule: { key: rule.key },
          conditionKey: c.key,
          type: c.type,
          ruleName: rule.name,
          body: createConditionBody(c),
        });
      continue;
    }
    const changes = ruleChanges(before, rule);
    if (Object.keys(changes).length) updates.push({ op: 'updateRule', ruleId: rule.id, name: rule.name, body: changes });

    const savedConds = new Map(before.conditions.filter((c) => c.id).map((c) => [c.id as string, c]));
    const keptConds = new Set(rule.conditions.map((c) => c.id).filter(Boolean));
    for (const c of before.conditions)
      if (c.id && !keptConds.has(c.id)) deletes.push({ op: 'deleteCondition', conditionId: c.id, type: c.type, ruleName: rule.name });

    for (const c of rule.conditions) {
      const old = c.id ? savedConds.get(c.id) : undefined;
      const createStep: SaveStep = {
        op: 'createCondition',
        rule: { id: rule.id },
        conditionKey: c.key,
        type: c.type,
        ruleName: rule.name,
        body: createConditionBody(c),
      };
      if (!old || !c.id) creates.push(createStep);
      else if (old.type !== c.type) {
        deletes.push({ op: 'deleteCondition', conditionId: old.id as string, type: old.type, ruleName: rule.name });
        creates.push(createStep);
      } else {
        const body = updateConditionBody(old, c);
        if (Object.keys(body).length) updates.push({ op: 'updateCondition', conditionId: c.id, type: c.type, ruleName: rule.name, body });
      }
    }
  }
  return [...deletes, ...updates, ...creates];
}

/** After (part of) a save: give new rules and conditions the IDs the API returned, so a retry does not create them twice. */
export function assignIds(
  draft: SelectionDraft,
  ruleIds: ReadonlyMap<string, string>,
  conditionIds: ReadonlyMap<string, string>,
): SelectionDraft {
  return {
    rules: draft.rules.map((r) => ({
      ...r,
      id: r.id ?? ruleIds.get(r.key),
      conditions: r.conditions.map((c) => {
        const created = conditionIds.get(c.key);
        return created ? { ...c, id: created } : c;
      }),
    })),
  };
}
