import { Badge, Card, Divider, Group, Stack, Switch, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { Fragment, memo } from 'react';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { useFormat, useT } from '@/i18n/i18n';
import type { PickerData } from '../editor/picker-data';
import type { LiveCount } from '../live/useLiveCounts';
import { selectionMessages } from '../messages';
import type { ConditionType } from '../model/condition-catalog';
import type { DraftAction, RuleDraft } from '../model/draft.utils';
import type { DraftErrors } from '../model/validate.utils';
import { AddConditionPicker } from './AddConditionPicker';
import { ConditionCard } from './ConditionCard';
import { OrderButtons } from './OrderButtons';

type Props = {
  rule: RuleDraft;
  index: number;
  count: number;
  live: LiveCount | undefined;
  pending: boolean;
  errors: DraftErrors;
  data: PickerData;
  types: readonly ConditionType[];
  dispatch: (a: DraftAction) => void;
};

/** A rule: its name, OR / OR NOT, enabled switch, live count, and its AND'ed conditions. */
export const RuleCard = memo(function RuleCard({ rule, index, count, live, pending, errors, data, types, dispatch }: Props) {
  const t = useT(selectionMessages);
  const fmt = useFormat();
  const active = !rule.disabled && rule.conditions.length > 0;
  const nameError = errors.rules[rule.key];
  const headingId = `rule-${rule.key}-heading`;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="rule-card"
      aria-labelledby={headingId}
      component="section"
      opacity={rule.disabled ? 0.75 : 1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <VisuallyHidden id={headingId}>
              {t('rule')} {rule.name}
            </VisuallyHidden>
            <TextInput
              size="sm"
              label={t('ruleName')}
              id={`rule-${rule.key}-name`}
              value={rule.name}
              error={nameError ? t(nameError) : undefined}
              onChange={(e) => dispatch({ kind: 'updateRule', rule: rule.key, patch: { name: e.currentTarget.value } })}
              w={180}
            />
            <SegmentedChoice
              size="sm"
              aria-label={t('ruleMode')}
              value={rule.inversed ? 'not' : 'or'}
              onChange={(v) => dispatch({ kind: 'updateRule', rule: rule.key, patch: { inversed: v === 'not' } })}
              data={[
                { value: 'or', label: t('or') },
                { value: 'not', label: t('orNot') },
              ]}
            />
            <Switch
              label={t('enabled')}
              checked={!rule.disabled}
              onChange={(e) => dispatch({ kind: 'updateRule', rule: rule.key, patch: { disabled: !e.currentTarget.checked } })}
              mb={6}
            />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color={active ? 'indigo' : 'gray'} data-testid="rule-count" aria-live="polite">
              {!active ? t('ruleUnused') : live && !pending ? t('ruleCount', { count: fmt.number(live.count) }) : t('counting')}
            </Badge>
            <OrderButtons
              index={index}
              count={count}
              onMove={(by) => dispatch({ kind: 'moveRule', rule: rule.key, by })}
              removeLabel={t('removeRule', { name: rule.name })}
              onRemove={() => dispatch({ kind: 'removeRule', rule: rule.key })}
            />
          </Group>
        </Group>
        {rule.conditions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('emptyRule')}
          </Text>
        )}
        {rule.conditions.map((c, i) => (
          <Fragment key={c.key}>
            {i > 0 && <Divider label={t('and')} labelPosition="center" />}
            <ConditionCard
              ruleKey={rule.key}
              condition={c}
              index={i}
              count={rule.conditions.length}
              errors={errors.conditions[c.key]}
              data={data}
              types={types}
              dispatch={dispatch}
            />
          </Fragment>
        ))}
        <AddConditionPicker
          id={`rule-${rule.key}-add`}
          data={data}
          types={types}
          onPick={(type, props) => dispatch({ kind: 'addCondition', rule: rule.key, type, props })}
        />
      </Stack>
    </Card>
  );
});
