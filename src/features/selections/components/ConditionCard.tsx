import { Alert, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useT } from '@/i18n/i18n';
import { useConditionLabels } from '../condition-labels';
import type { PickerData } from '../editor/picker-data';
import { selectionMessages } from '../messages';
import { activeProps, CONDITION_TYPES, type ConditionProps, type ConditionType, TYPE_SPECS } from '../model/condition-catalog';
import type { ConditionDraft, DraftAction } from '../model/draft.utils';
import type { ConditionErrors } from '../model/validate.utils';
import { EmailingPicker } from './EmailingPicker';
import { OrderButtons } from './OrderButtons';
import { PropInput } from './PropInput';
import { TimeWindowInput } from './TimeWindowInput';

const PRODUCT_ONLY: ReadonlySet<ConditionType> = new Set(['LastContact', 'ToDo', 'Survey', 'Sms', 'Fax', 'Export']);

type Props = {
  ruleKey: string;
  condition: ConditionDraft;
  index: number;
  count: number;
  errors: ConditionErrors | undefined;
  data: PickerData;
  types: readonly ConditionType[];
  dispatch: (a: DraftAction) => void;
};

/** One condition: its type, a form for the type's properties, and its validation messages next to them. */
export const ConditionCard = memo(function ConditionCard({ ruleKey, condition, index, count, errors = {}, data, types, dispatch }: Props) {
  const t = useT(selectionMessages);
  const labels = useConditionLabels();
  const { key, type, props } = condition;
  const update = (patch: ConditionProps) => dispatch({ kind: 'updateCondition', rule: ruleKey, condition: key, patch });
  const idPrefix = `cond-${key}`;
  const specs = activeProps(type, props);

  return (
    <Paper withBorder p="sm" radius="md" data-testid="condition-card" aria-label={labels.type(type)} component="section">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Select
            id={`${idPrefix}-type`}
            size="sm"
            label={t('conditionType')}
            data={CONDITION_TYPES.filter((x) => types.includes(x)).map((x) => ({ value: x, label: labels.type(x) }))}
            value={type}
            allowDeselect={false}
            onChange={(v) => v && dispatch({ kind: 'changeConditionType', rule: ruleKey, condition: key, type: v as ConditionType })}
            w={220}
          />
          <Group gap={4} wrap="nowrap">
            <OrderButtons
              index={index}
              count={count}
              onMove={(by) => dispatch({ kind: 'moveCondition', rule: ruleKey, condition: key, by })}
              removeLabel={t('removeCondition')}
              onRemove={() => dispatch({ kind: 'removeCondition', rule: ruleKey, condition: key })}
            />
          </Group>
        </Group>
        {type === 'Email' && <EmailingPicker props={props} onChange={update} idPrefix={idPrefix} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
          {specs.map((spec) => (
            <PropInput
              key={spec.name}
              spec={spec}
              value={props[spec.name]}
              onChange={(v) => update(spec.name === 'value' ? { value: v, 'other-field': '' } : { [spec.name]: v })}
              data={data}
              error={errors[spec.name]}
              idPrefix={idPrefix}
              condition={props}
            />
          ))}
        </SimpleGrid>
        {TYPE_SPECS[type].time && (
          <TimeWindowInput props={props} onChange={update} errors={errors} idPrefix={idPrefix} isDate={type === 'Date'} />
        )}
        {type === 'Part' && (
          <Text size="xs" c="dimmed">
            {t('partNote')}
          </Text>
        )}
        {PRODUCT_ONLY.has(type) && (
          <Alert variant="light" color="gray" p="xs">
            <Text size="xs">{t('productOnly')}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
});
