import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isAlreadyGone, isNotFound } from './client';
import { createPath, type SelectionInput, type SelectionOwner, type SelectionScope, selectionPaths, selectionQueries } from './selections';

/**
 * Every write to views and miniviews, their rules and conditions (docs/api/selections.md): the mutation hooks
 * the pages use, and the one executor that turns a save plan into calls (used by saving, by the live count's
 * scratch selection and by moving a view).
 */

type Body = Record<string, unknown>;
/** A rule that exists (`id`) or one created earlier in the same plan (`key`). */
export type RuleRef = { id: string } | { key: string };
/** One call of a save plan (docs/api/selections.md §7 "Saving"); plans may carry more (names for messages). */
export type WriteStep =
  | { op: 'deleteRule'; ruleId: string }
  | { op: 'updateRule'; ruleId: string; body: Body }
  | { op: 'createRule'; ruleKey: string; body: Body }
  | { op: 'deleteCondition'; conditionId: string; type: string }
  | { op: 'updateCondition'; conditionId: string; type: string; body: Body }
  | { op: 'createCondition'; rule: RuleRef; conditionKey: string; ruleName: string; body: Body };

export type ApiRequest = { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: Body };

/** The HTTP call for one step; `createdRules` maps new rule keys to the IDs the API gave them. */
export function stepRequest(
  scope: SelectionScope,
  selectionId: string,
  step: WriteStep,
  createdRules: ReadonlyMap<string, string>,
): ApiRequest {
  switch (step.op) {
    case 'deleteRule':
      return { method: 'DELETE', path: selectionPaths.rule(scope, step.ruleId) };
    case 'updateRule':
      return { method: 'PUT', path: selectionPaths.rule(scope, step.ruleId), body: step.body };
    case 'createRule':
      return { method: 'POST', path: selectionPaths.rules(scope, selectionId), body: step.body };
    case 'deleteCondition':
      return { method: 'DELETE', path: selectionPaths.condition(scope, step.type, step.conditionId) };
    case 'updateCondition':
      return { method: 'PUT', path: selectionPaths.condition(scope, step.type, step.conditionId), body: step.body };
    case 'createCondition': {
      const ruleId = 'id' in step.rule ? step.rule.id : createdRules.get(step.rule.key);
      if (!ruleId) throw new Error(`Rule "${step.ruleName}" was not created`);
      return { method: 'POST', path: selectionPaths.ruleConditions(scope, ruleId), body: step.body };
    }
  }
}

function send(req: ApiRequest) {
  if (req.method === 'POST') return api.post(req.path, req.body);
  if (req.method === 'PUT') return api.put(req.path, req.body);
  return api.delete(req.path);
}

export type WriteJob<S extends WriteStep> = {
  scope: SelectionScope;
  /** The selection to write into; without it one is created in `createIn` with `settings`. */
  selectionId?: string;
  createIn?: SelectionOwner;
  settings?: SelectionInput;
  plan: readonly S[];
  /**
   * Send independent calls together (the scratch selection, where speed matters); otherwise one at a time in
   * plan order, so progress is exact and a failure names its step.
   */
  concurrent?: boolean;
};
export type WriteOutcome = { selectionId: string; ruleIds: Map<string, string>; conditionIds: Map<string, string> };
export type FailedWrite<S> = { kind: 'createView' } | { kind: 'updateView' } | { kind: 'step'; step: S };

/** What failed, and what was written before it (so the draft can take those IDs and a retry creates nothing twice). */
export class SelectionWriteError<S extends WriteStep = WriteStep> extends Error {
  constructor(
    readonly failed: FailedWrite<S>,
    readonly cause: unknown,
    readonly outcome: Partial<WriteOutcome>,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function countWrites(job: WriteJob<WriteStep>): number {
  return job.plan.length + (job.selectionId ? (job.settings ? 1 : 0) : 1);
}

/** Creates the selection if needed, updates its settings if given, then runs the plan. */
export async function runSelectionWrites<S extends WriteStep>(
  job: WriteJob<S>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<WriteOutcome> {
  const total = countWrites(job);
  let done = 0;
  const tick = () => onProgress(++done, total);
  const ruleIds = new Map<string, string>();
  const conditionIds = new Map<string, string>();
  let selectionId = job.selectionId;

  if (!selectionId) {
    try {
      const { createdId } = await api.post(createPath(job.createIn as SelectionOwner), job.settings);
      if (!createdId) throw new Error('The API created no selection (no X-Created header)');
      selectionId = createdId;
    } catch (e) {
      throw new SelectionWriteError<S>({ kind: 'createView' }, e, {});
    }
    tick();
  } else if (job.settings) {
    try {
      await api.put(selectionPaths.selection(job.scope, selectionId), job.settings);
    } catch (e) {
      throw new SelectionWriteError<S>({ kind: 'updateView' }, e, { selectionId });
    }
    tick();
  }
  const id = selectionId;
  const runStep = async (step: S) => {
    try {
      const res = await send(stepRequest(job.scope, id, step, ruleIds));
      if (step.op === 'createRule' && res.createdId) ruleIds.set(step.ruleKey, res.createdId);
      if (step.op === 'createCondition' && res.createdId) conditionIds.set(step.conditionKey, res.createdId);
    } catch (e) {
      throw new SelectionWriteError<S>({ kind: 'step', step }, e, { selectionId: id, ruleIds, conditionIds });
    }
    tick();
  };
  if (job.concurrent) {
    // A new rule's conditions wait for its ID; everything else can go out at once.
    const waitsForRule = (s: S) => s.op === 'createCondition' && 'key' in s.rule;
    await Promise.all(job.plan.filter((s) => s.op !== 'createRule' && !waitsForRule(s)).map(runStep));
    await Promise.all(job.plan.filter((s) => s.op === 'createRule').map(runStep));
    await Promise.all(job.plan.filter(waitsForRule).map(runStep));
  } else {
    for (const step of job.plan) await runStep(step);
  }
  return { selectionId: id, ruleIds, conditionIds };
}

/** DELETE view/$id or miniview/$id: the selection only, never its profiles (V5, M5); already gone (or never there) is fine. */
export async function deleteSelection(scope: SelectionScope, id: string): Promise<void> {
  await api.delete(selectionPaths.selection(scope, id)).catch((e: unknown) => {
    if (!isAlreadyGone(e) && !isNotFound(e)) throw e;
  });
}

/** The same DELETE for `pagehide`: a request that outlives the page (`keepalive`); its answer is never read. */
export function deleteSelectionOnUnload(scope: SelectionScope, id: string): void {
  void api.delete(selectionPaths.selection(scope, id), undefined, { keepalive: true }).catch(() => {});
}

/** POST view/$id/rebuild (v3; v2 documented PUT) — asynchronous on the real API: poll `last-built` (V14, M18). */
export async function rebuildSelection(scope: SelectionScope, id: string): Promise<void> {
  await api.post(selectionPaths.rebuild(scope, id));
}

/** PUT view/$id or miniview/$id: name and description (V4, M4). */
export async function updateSelection(scope: SelectionScope, id: string, input: Partial<SelectionInput>): Promise<void> {
  await api.put(selectionPaths.selection(scope, id), input);
}

function useInvalidateSelections() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: selectionQueries.all() });
}

/** POST database/$id/views, view/$id/views or collection/$id/miniviews: 201 + X-Created (V2, V7, M2). */
export function useCreateSelection() {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: async ({ owner, input }: { owner: SelectionOwner; input: SelectionInput }) => {
      const { createdId } = await api.post(createPath(owner), input);
      if (!createdId) throw new Error('The API created no selection (no X-Created header)');
      return createdId;
    },
    onSuccess: invalidate,
  });
}

/** PUT view/$id or miniview/$id: name and description only (V4, M4). */
export function useUpdateSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<SelectionInput> }) => updateSelection(scope, id, input),
    onSuccess: invalidate,
  });
}

/** DELETE view/$id or miniview/$id (V5, M5). */
export function useDeleteSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({ mutationFn: (id: string) => deleteSelection(scope, id), onSuccess: invalidate });
}

/** POST view/$id/copy {name, options:{views}} (V13). */
export function useCopyView() {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: async ({ id, name, views }: { id: string; name: string; views: boolean }) => {
      const { createdId } = await api.post(`${selectionPaths.view(id)}/copy`, { name, options: { views } });
      return createdId;
    },
    onSuccess: invalidate,
  });
}

export function useRebuildSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({ mutationFn: (id: string) => rebuildSelection(scope, id), onSuccess: invalidate });
}

/** PUT view/$id/intentions: omitted channels stay unchanged (V15, M19). */
export function useUpdateSelectionIntentions(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: ({ id, intentions }: { id: string; intentions: Partial<Record<'email' | 'sms' | 'fax' | 'pdf', boolean>> }) =>
      api.put(selectionPaths.intentions(scope, id), intentions),
    onSuccess: invalidate,
  });
}
