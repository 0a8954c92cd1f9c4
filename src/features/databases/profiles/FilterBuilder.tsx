import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { type FilterRule, OPERATORS, type Operator } from './filter.utils';
import { profilesMessages } from './messages';

type Msg = keyof typeof profilesMessages.en;
const OP_LABEL: Record<Operator, Msg> = {
  '==': 'opEq',
  '!=': 'opNe',
  '<>': 'opNe2',
  '<': 'opLt',
  '>': 'opGt',
  '<=': 'opLe',
  '>=': 'opGe',
  '=~': 'opLike',
  '!~': 'opNotLike',
};

/** Fields the filter can use: the database's own, plus the API's special names (docs/api/conventions.md §7). */
export function filterableFields(fields: DatabaseField[]): Pick<DatabaseField, 'name' | 'type' | 'value'>[] {
  const special = [
    { name: 'id', type: 'integer', value: '' },
    { name: 'code', type: 'text', value: '' },
    { name: 'modified', type: 'datetime', value: '' },
  ];
  const own = new Set(fields.map((f) => f.name.toLowerCase()));
  return [...fields, ...special.filter((s) => !own.has(s.name))];
}

/** Builds AND-ed conditions (one typed value input per field type); applied on submit, not per keystroke. */
export function FilterBuilder({
  fields,
  rules,
  onApply,
}: {
  fields: DatabaseField[];
  rules: FilterRule[];
  onApply: (rules: FilterRule[]) => void;
}) {
  const t = useT(profilesMessages);
  const options = filterableFields(fields);
  const [draft, setDraft] = useState<FilterRule[]>(rules.length ? rules : [{ field: options[0]?.name ?? 'id', op: '==', value: '' }]);
  const update = (i: number, patch: Partial<FilterRule>) => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <Stack gap="xs">
          {draft.map((rule, i) => {
            const field = options.find((f) => f.name.toLowerCase() === rule.field.toLowerCase()) ?? {
              name: rule.field,
              type: 'text',
              value: '',
            };
            const isLike = rule.op === '=~' || rule.op === '!~';
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional
              <Group key={i} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('conditionN', { n })}>
                <NativeSelect
                  size="xs"
                  label={t('field')}
                  value={field.name}
                  data={options.map((f) => f.name)}
                  onChange={(e) => update(i, { field: e.currentTarget.value, value: '' })}
                />
                <NativeSelect
                  size="xs"
                  label={t('operator')}
                  value={rule.op}
                  data={OPERATORS.map((op) => ({ value: op, label: `${op}  ${t(OP_LABEL[op])}` }))}
                  onChange={(e) => update(i, { op: e.currentTarget.value as Operator })}
                />
                {isLike ? (
                  <TextInput
                    size="xs"
                    label={t('value')}
                    value={rule.value}
                    onChange={(e) => update(i, { value: e.currentTarget.value })}
                  />
                ) : (
                  <FieldValueInput
                    size="xs"
                    label={t('value')}
                    field={field}
                    value={rule.value}
                    onChange={(value) => update(i, { value })}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('removeCondition', { n })}
                  onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDraft((d) => [...d, { field: options[0]?.name ?? 'id', op: '==', value: '' }])}
            >
              {t('addCondition')}
            </Button>
            <Button size="xs" type="submit">
              {t('apply')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                setDraft([]);
                onApply([]);
              }}
            >
              {t('clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
