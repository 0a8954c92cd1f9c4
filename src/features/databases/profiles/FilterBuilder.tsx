import { ActionIcon, Badge, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { selectChoices } from '../fields/field-values.utils';
import { type FilterRule, OPERATORS, type Operator } from './filter.utils';
import { allowsSeveral, blankRow, type FilterRow, type RowOp, rowProblem, rowsFromRules, rulesFromRows } from './filter-rows.utils';
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

/**
 * Builds AND-ed conditions (one typed value input per field type); applied on submit, not per keystroke.
 * A row without a value is shown as unfinished and left out, so it never filters on "empty" by accident.
 */
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
  const firstField = options[0]?.name ?? 'id';
  const [draft, setDraft] = useState<FilterRow[]>(() => (rules.length ? rowsFromRules(rules, options) : [blankRow(firstField)]));
  const update = (i: number, patch: Partial<FilterRow>) => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(rulesFromRows(draft, options).rules);
        }}
      >
        <Stack gap="xs">
          {draft.map((row, i) => {
            const field = options.find((f) => f.name.toLowerCase() === row.field.toLowerCase()) ?? {
              name: row.field,
              type: 'text',
              value: '',
            };
            const n = i + 1;
            const problem = rowProblem(row, options);
            const problemId = `filter-row-${n}-problem`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional
              <Stack key={i} gap={4} role="group" aria-label={t('conditionN', { n })}>
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <NativeSelect
                    size="xs"
                    label={t('field')}
                    value={field.name}
                    data={options.map((f) => f.name)}
                    onChange={(e) => update(i, { field: e.currentTarget.value, values: [] })}
                  />
                  <NativeSelect
                    size="xs"
                    label={t('operator')}
                    value={row.op}
                    data={[
                      ...OPERATORS.map((op) => ({ value: op, label: `${op}  ${t(OP_LABEL[op])}` })),
                      { value: 'empty', label: t('opEmpty') },
                      { value: 'notEmpty', label: t('opNotEmpty') },
                    ]}
                    onChange={(e) => {
                      const op = e.currentTarget.value as RowOp;
                      update(i, { op, values: allowsSeveral(op, field) ? row.values : row.values.slice(0, 1) });
                    }}
                  />
                  <FilterValueInput
                    row={row}
                    field={field}
                    describedBy={problem ? problemId : undefined}
                    onChange={(values) => update(i, { values })}
                  />
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
                {problem && (
                  <Text id={problemId} size="xs" data-testid="filter-row-unfinished">
                    <Badge size="xs" variant="outline" color="gray" mr={6}>
                      {t('unfinished')}
                    </Badge>
                    {t(problem === 'noValue' ? 'unfinishedNoValue' : 'unfinishedNotAChoice')}
                  </Text>
                )}
              </Stack>
            );
          })}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDraft((d) => [...d, blankRow(firstField)])}
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

/** No input for "is empty"; free text for LIKE; the field's choices (several for "is none of"); else typed. */
function FilterValueInput({
  row,
  field,
  describedBy,
  onChange,
}: {
  row: FilterRow;
  field: Pick<DatabaseField, 'name' | 'type' | 'value'>;
  describedBy?: string;
  onChange: (values: string[]) => void;
}) {
  const t = useT(profilesMessages);
  const value = row.values[0] ?? '';
  const a11y = { 'aria-describedby': describedBy };
  if (row.op === 'empty' || row.op === 'notEmpty') return null;
  if (row.op === '=~' || row.op === '!~')
    return <TextInput size="xs" label={t('value')} value={value} onChange={(e) => onChange([e.currentTarget.value])} {...a11y} />;
  if (allowsSeveral(row.op, field))
    return (
      <MultiSelect
        size="xs"
        label={t('values')}
        data={selectChoices(field.value).choices}
        value={row.values}
        onChange={onChange}
        miw={200}
        {...a11y}
      />
    );
  return (
    <FieldValueInput
      size="xs"
      label={t('value')}
      field={field}
      value={value}
      onChange={(v) => onChange([v])}
      aria-describedby={describedBy}
    />
  );
}
