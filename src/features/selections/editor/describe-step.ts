import type { FailedWrite } from '@/api/selection-writes';
import type { ConditionLabels } from '../condition-labels';
import type { SelectionMessageKey } from '../messages';
import type { SaveStep } from '../model/save-plan.utils';

/** Names the save step that failed, for "Saving stopped at …". */
export function describeStep(
  failed: FailedWrite<SaveStep>,
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
