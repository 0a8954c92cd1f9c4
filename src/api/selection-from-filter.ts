import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from './client';
import { CreateOutcomeUnknown, createOnce, type Probe } from './create-outcome';
import { looseEntity, looseList } from './schemas/common';
import { type ApiRule, conditionsOf, createPath, type SelectionScope, selectionPaths, selectionQueries } from './selections';
import { useSafeMutation } from './write-guard';

/**
 * A new selection (view) or miniselection (miniview) with its rules and their Field conditions, in one step:
 * POST database/$id/views or collection/$id/miniviews (docs/api/selections.md §3.1 V2, §3.3 M2), then per rule
 * POST view/$id/rules or miniview/$id/rules (V12, M7), then per condition POST rule/$id/conditions or
 * minirule/$id/conditions with the type in the body (C1, M12).
 *
 * Several POSTs in a row, and Copernica has no transactions or idempotency keys, so the run remembers how far
 * it got: after a failure the same call continues where it stopped instead of making a second selection, and a
 * lost answer is resolved by looking the record up (create-outcome.ts), never by posting again.
 */

/** A Field condition as POSTed (§4.1): `field` is the field's ID. */
export type FieldConditionBody = {
  type: 'Field';
  field: string;
  comparison: string;
  value: string;
  'numeric-comparison': boolean;
};

export type SelectionFromFilterInput = {
  owner: { kind: 'database' | 'collection'; id: string };
  name: string;
  description: string;
  rules: { name: string; conditions: FieldConditionBody[] }[];
};

/** How far a run got; kept between attempts of the same dialog. */
export type SelectionProgress = { selectionId?: string; rules: { id?: string; conditionsDone: number }[] };

/** Letters, digits, underscores and inner spaces; no leading or trailing space (docs/api/selections.md §2.1). */
export function isValidSelectionName(name: string): boolean {
  return name !== '' && name === name.trim() && /^[\p{L}\p{N}_ ]+$/u.test(name);
}

const newest = (ids: string[]): string | null => (ids.length ? ids.reduce((a, b) => (Number(b) > Number(a) ? b : a)) : null);

/** Runs a create once; a lost answer is looked up, and only a record that is really there counts. */
async function createExactlyOnce(post: () => Promise<{ createdId?: string }>, probe: Probe, what: string): Promise<string> {
  try {
    const { createdId } = await createOnce(post, probe);
    if (!createdId) throw new Error(`The API created no ${what} (no X-Created header)`);
    return createdId;
  } catch (e) {
    if (!(e instanceof CreateOutcomeUnknown)) throw e;
    const outcome = await e.check();
    if (outcome.created) return outcome.id;
    throw e.cause;
  }
}

const selectionsNamed =
  (input: SelectionFromFilterInput): Probe =>
  async () => {
    const path = createPath({ kind: input.owner.kind, id: input.owner.id });
    const list = await api.get(path, { start: 0, limit: 1000 }, undefined, looseList<{ ID: string; name: string }>());
    return newest(list.data.filter((v) => v.name === input.name).map((v) => String(v.ID)));
  };

const rulesNamed =
  (scope: SelectionScope, selectionId: string, name: string): Probe =>
  async () => {
    const list = await api.get(selectionPaths.rules(scope, selectionId), { start: 0, limit: 1000 }, undefined, looseList<ApiRule>());
    return newest(list.data.filter((r) => r.name === name).map((r) => String(r.ID)));
  };

/** The newest condition of a rule, read from GET rule/$id (R1, M9): v3 has no condition list of its own. */
const newestCondition =
  (scope: SelectionScope, ruleId: string): Probe =>
  async () => {
    const rule = await api.get(selectionPaths.rule(scope, ruleId), undefined, undefined, looseEntity<ApiRule>());
    return newest(conditionsOf(rule).map((c) => String(c.ID)));
  };

/** One attempt; `progress` is updated after every write that is known to have been stored. */
export async function createSelectionFromFilter(input: SelectionFromFilterInput, progress: SelectionProgress): Promise<string> {
  const scope: SelectionScope = input.owner.kind === 'database' ? 'view' : 'miniview';
  if (!progress.selectionId) {
    const body = { name: input.name, description: input.description };
    progress.selectionId = await createExactlyOnce(
      () => api.post(createPath({ kind: input.owner.kind, id: input.owner.id }), body),
      selectionsNamed(input),
      scope,
    );
  }
  const selectionId = progress.selectionId;
  for (const [i, rule] of input.rules.entries()) {
    const done = progress.rules[i] ?? { conditionsDone: 0 };
    progress.rules[i] = done;
    if (!done.id) {
      done.id = await createExactlyOnce(
        () => api.post(selectionPaths.rules(scope, selectionId), { name: rule.name, inversed: false, disabled: false }),
        rulesNamed(scope, selectionId, rule.name),
        'rule',
      );
    }
    const ruleId = done.id;
    for (const condition of rule.conditions.slice(done.conditionsDone)) {
      await createExactlyOnce(
        () => api.post(selectionPaths.ruleConditions(scope, ruleId), condition),
        newestCondition(scope, ruleId),
        'condition',
      );
      done.conditionsDone++;
    }
  }
  return selectionId;
}

/**
 * The dialog's write: one run at a time (a double click starts nothing more), resumable after a failure.
 * `started` tells the dialog that a selection already exists, so its name can no longer change.
 */
export function useCreateSelectionFromFilter() {
  const qc = useQueryClient();
  const progress = useRef<SelectionProgress>({ rules: [] });
  const mutation = useSafeMutation({
    mutationFn: (input: SelectionFromFilterInput) => createSelectionFromFilter(input, progress.current),
    // A failed run may have stored part of the selection: the lists must show it either way.
    onSettled: () => qc.invalidateQueries({ queryKey: selectionQueries.all() }),
  });
  return { ...mutation, started: () => progress.current.selectionId !== undefined };
}
