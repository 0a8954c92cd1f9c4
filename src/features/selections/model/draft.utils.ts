import { type ApiCondition, type ApiRule, conditionsOf, isInversed } from '@/api/selections';
import { type ConditionProps, type ConditionType, type ConditionValue, canonicalType, defaultProps, TYPE_SPECS } from './condition-catalog';

/**
 * The editor's working copy of a selection: rules (OR'ed) holding conditions (AND'ed). Saved items
 * carry their API `id`; new ones only a `key`. Everything here is pure so undo/redo and the save
 * plan can compare drafts.
 */
export type ConditionDraft = { key: string; id?: string; type: ConditionType; props: ConditionProps };
export type RuleDraft = { key: string; id?: string; name: string; inversed: boolean; disabled: boolean; conditions: ConditionDraft[] };
export type SelectionDraft = { rules: RuleDraft[] };

export const EMPTY_DRAFT: SelectionDraft = { rules: [] };

let keySeq = 0;
export function newKey(prefix = 'new'): string {
  keySeq += 1;
  return `${prefix}-${keySeq}`;
}

const BOOL_PROPS = new Set(['numeric-comparison', 'include-never-exported-profiles']);
const LIST_PROPS = new Set(['fields']);
/** Spellings the docs use for the same property (§4.6, §4.9). */
const ALIASES: Record<string, string> = { 'required-url': 'clicked-url', match_type: 'match-type', 'mini-view-id': 'mini-view' };

function refOf(v: unknown): string {
  if (v && typeof v === 'object' && 'ID' in v) return String((v as { ID: unknown }).ID);
  if (v && typeof v === 'object' && 'id' in v) return String((v as { id: unknown }).id);
  if (v === false || v === null || v === undefined) return '';
  return String(v);
}

/** `"[firstname, lastname]"`, a JSON array, a comma list or a paged list of field objects → names/IDs. */
export function parseList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(refOf).filter(Boolean);
  if (v && typeof v === 'object' && 'data' in v) return parseList((v as { data: unknown }).data);
  if (typeof v !== 'string' || v === '' || v === 'false') return [];
  const trimmed = v.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(refOf).filter(Boolean);
    } catch {
      // The documented form is not JSON: "[firstname, lastname]".
    }
  }
  return trimmed
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One property value as GET returns it (object, `false`, number, array …) → the editor's value. */
export function normalizeValue(name: string, v: unknown): ConditionValue {
  if (BOOL_PROPS.has(name)) return v === true || v === 'true' || v === '1' || v === 1;
  if (LIST_PROPS.has(name)) return parseList(v);
  if ((name === 'after-mutation' || name === 'before-mutation') && Array.isArray(v)) return JSON.stringify(v.map(String));
  return refOf(v);
}

export function conditionFromApi(c: ApiCondition | Record<string, unknown>): ConditionDraft | null {
  const type = canonicalType(String(c.type ?? ''));
  if (!type) return null;
  const props: ConditionProps = defaultProps(type);
  for (const [rawName, value] of Object.entries(c)) {
    if (rawName === 'ID' || rawName === 'type' || rawName === 'rule') continue;
    const name = ALIASES[rawName] ?? rawName;
    props[name] = normalizeValue(name, value);
  }
  // Unset references come out as `false` (§2.4): keep them as empty.
  const id = c.ID === undefined ? undefined : String(c.ID);
  return { key: id ? `c${id}` : newKey('cond'), id, type, props };
}

export function draftFromApi(rules: ApiRule[]): SelectionDraft {
  return {
    rules: [...rules]
      .sort((a, b) => Number(a.ID) - Number(b.ID))
      .map((r) => ({
        key: `r${r.ID}`,
        id: String(r.ID),
        name: r.name,
        inversed: isInversed(r),
        disabled: Boolean(r.disabled),
        conditions: conditionsOf(r)
          .map(conditionFromApi)
          .filter((c): c is ConditionDraft => c !== null)
          .sort((a, b) => Number(a.id) - Number(b.id)),
      })),
  };
}

/** "Rule 1", "Rule 2" …: the first free name (rule names are unique per view, §5.7). */
export function nextRuleName(draft: SelectionDraft, base = 'Rule'): string {
  const taken = new Set(draft.rules.map((r) => r.name.toLowerCase()));
  for (let n = draft.rules.length + 1; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

export type DraftAction =
  | { kind: 'addRule'; name?: string; conditions?: { type: ConditionType; props?: ConditionProps }[] }
  | { kind: 'removeRule'; rule: string }
  | { kind: 'moveRule'; rule: string; by: -1 | 1 }
  | { kind: 'updateRule'; rule: string; patch: Partial<Pick<RuleDraft, 'name' | 'inversed' | 'disabled'>> }
  | { kind: 'addCondition'; rule: string; type: ConditionType; props?: ConditionProps }
  | { kind: 'removeCondition'; rule: string; condition: string }
  | { kind: 'moveCondition'; rule: string; condition: string; by: -1 | 1 }
  | { kind: 'updateCondition'; rule: string; condition: string; patch: ConditionProps }
  | { kind: 'changeConditionType'; rule: string; condition: string; type: ConditionType };

function move<T>(list: T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}

function newCondition(type: ConditionType, props?: ConditionProps): ConditionDraft {
  return { key: newKey('cond'), type, props: { ...defaultProps(type), ...props } };
}

function mapRule(draft: SelectionDraft, key: string, fn: (r: RuleDraft) => RuleDraft): SelectionDraft {
  return { rules: draft.rules.map((r) => (r.key === key ? fn(r) : r)) };
}

/** The one place a draft changes; returns the same object when nothing changed (no undo step). */
export function applyDraftAction(draft: SelectionDraft, a: DraftAction): SelectionDraft {
  switch (a.kind) {
    case 'addRule': {
      const rule: RuleDraft = {
        key: newKey('rule'),
        name: a.name ?? nextRuleName(draft),
        inversed: false,
        disabled: false,
        conditions: (a.conditions ?? []).map((c) => newCondition(c.type, c.props)),
      };
      return { rules: [...draft.rules, rule] };
    }
    case 'removeRule':
      return { rules: draft.rules.filter((r) => r.key !== a.rule) };
    case 'moveRule': {
      const moved = move(
        draft.rules,
        draft.rules.findIndex((r) => r.key === a.rule),
        a.by,
      );
      return moved === draft.rules ? draft : { rules: moved };
    }
    case 'updateRule':
      return mapRule(draft, a.rule, (r) => ({ ...r, ...a.patch }));
    case 'addCondition':
      return mapRule(draft, a.rule, (r) => ({ ...r, conditions: [...r.conditions, newCondition(a.type, a.props)] }));
    case 'removeCondition':
      return mapRule(draft, a.rule, (r) => ({ ...r, conditions: r.conditions.filter((c) => c.key !== a.condition) }));
    case 'moveCondition':
      return mapRule(draft, a.rule, (r) => {
        const moved = move(
          r.conditions,
          r.conditions.findIndex((c) => c.key === a.condition),
          a.by,
        );
        return moved === r.conditions ? r : { ...r, conditions: moved };
      });
    case 'updateCondition':
      return mapRule(draft, a.rule, (r) => ({
        ...r,
        conditions: r.conditions.map((c) => (c.key === a.condition ? { ...c, props: { ...c.props, ...a.patch } } : c)),
      }));
    case 'changeConditionType':
      // Same key (the card stays put), fresh properties; the save plan turns this into DELETE + POST.
      return mapRule(draft, a.rule, (r) => ({
        ...r,
        conditions: r.conditions.map((c) =>
          c.key === a.condition && c.type !== a.type ? { ...c, type: a.type, props: defaultProps(a.type) } : c,
        ),
      }));
  }
}

/** Rules that take part in matching: enabled and with at least one condition (§5.3 (a), (d)). */
export function activeRules(draft: SelectionDraft): RuleDraft[] {
  return draft.rules.filter((r) => !r.disabled && r.conditions.length > 0);
}

export function hasTimeWindow(type: ConditionType): boolean {
  return TYPE_SPECS[type].time;
}
