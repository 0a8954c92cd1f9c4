import { api } from '@/api/client';
import { createPath, type SelectionOwner, type SelectionScope } from '@/api/selections';
import type { ConditionLabels } from '../condition-labels';
import type { SelectionMessageKey } from '../messages';
import { type SaveStep, stepRequest } from '../model/save-plan.utils';

/**
 * Runs a save: creates the selection if it is new, updates name/description if they changed, then
 * the rule and condition steps of the plan, one at a time so progress is exact and a failure names
 * the step. What succeeded before a failure is reported back so the draft can take those IDs.
 */
export type SaveJob = {
  scope: SelectionScope;
  selectionId?: string;
  createIn?: SelectionOwner;
  settings?: { name: string; description: string };
  plan: SaveStep[];
};
export type SaveOutcome = { selectionId: string; ruleIds: Map<string, string>; conditionIds: Map<string, string> };
export type FailedStep = { kind: 'createView' } | { kind: 'updateView' } | { kind: 'step'; step: SaveStep };

export class SaveError extends Error {
  constructor(
    readonly failed: FailedStep,
    readonly cause: unknown,
    readonly outcome: Partial<SaveOutcome>,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function countCalls(job: SaveJob): number {
  return job.plan.length + (job.selectionId ? (job.settings ? 1 : 0) : 1);
}

export async function runSave(job: SaveJob, onProgress: (done: number, total: number) => void): Promise<SaveOutcome> {
  const total = countCalls(job);
  let done = 0;
  const ruleIds = new Map<string, string>();
  const conditionIds = new Map<string, string>();
  let selectionId = job.selectionId;
  const tick = () => onProgress(++done, total);

  if (!selectionId) {
    try {
      const res = await api.post(createPath(job.createIn as SelectionOwner), job.settings);
      if (!res.createdId) throw new Error('No X-Created header');
      selectionId = res.createdId;
    } catch (e) {
      throw new SaveError({ kind: 'createView' }, e, {});
    }
    tick();
  } else if (job.settings) {
    try {
      await api.put(`${job.scope}/${encodeURIComponent(selectionId)}`, job.settings);
    } catch (e) {
      throw new SaveError({ kind: 'updateView' }, e, { selectionId });
    }
    tick();
  }
  for (const step of job.plan) {
    try {
      const req = stepRequest(job.scope, selectionId, step, ruleIds);
      const res =
        req.method === 'POST'
          ? await api.post(req.path, req.body)
          : req.method === 'PUT'
            ? await api.put(req.path, req.body)
            : await api.delete(req.path);
      if (step.op === 'createRule' && res.createdId) ruleIds.set(step.ruleKey, res.createdId);
      if (step.op === 'createCondition' && res.createdId) conditionIds.set(step.conditionKey, res.createdId);
    } catch (e) {
      throw new SaveError({ kind: 'step', step }, e, { selectionId, ruleIds, conditionIds });
    }
    tick();
  }
  return { selectionId, ruleIds, conditionIds };
}

export function describeStep(
  failed: FailedStep,
  t: (k: SelectionMessageKey, v?: Record<string, string>) => string,
  labels: ConditionLabels,
): string {
  if (failed.kind === 'createView') return t('stepCreateView');
  if (failed.kind === 'updateView') return t('stepUpdateView');
  const s = failed.step;
  switch (s.op) {
    case 'createRule':
      return t('stepCreateRule', { name: s.name });
    case 'updateRule':
      return t('stepUpdateRule', { name: s.name });
    case 'deleteRule':
      return t('stepDeleteRule', { name: s.name });
    case 'createCondition':
      return t('stepCreateCondition', { type: labels.type(s.type), name: s.ruleName });
    case 'updateCondition':
      return t('stepUpdateCondition', { type: labels.type(s.type), name: s.ruleName });
    case 'deleteCondition':
      return t('stepDeleteCondition', { type: labels.type(s.type), name: s.ruleName });
  }
}
