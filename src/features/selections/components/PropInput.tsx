import { Checkbox, MultiSelect, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '@/i18n/i18n';
import { useConditionLabels } from '../condition-labels';
import type { PickerData } from '../editor/picker-data';
import { selectionMessages } from '../messages';
import type { ConditionProps, ConditionValue, PropSpec } from '../model/condition-catalog';
import type { ValidationKey } from '../model/validate.utils';
import { ChoiceValueInput } from './ChoiceValueInput';

const DATE_TYPES = new Set(['date', 'empty_date', 'datetime', 'empty_datetime']);
/** Hundreds of fields: search, and render at most this many options at once. */
const OPTION_LIMIT = 60;

type Props = {
  spec: PropSpec;
  value: ConditionValue | undefined;
  onChange: (v: ConditionValue) => void;
  data: PickerData;
  error?: ValidationKey;
  idPrefix: string;
  /** The whole condition: the value input of a Field condition depends on its field and comparison. */
  condition?: ConditionProps;
};

/** One property of a condition, with the input its kind needs and its validation message next to it. */
export function PropInput({ spec, value, onChange, data, error, idPrefix, condition }: Props) {
  const t = useT(selectionMessages);
  const labels = useConditionLabels();
  const label = labels.prop(spec.name);
  const errorText = error ? t(error) : undefined;
  const text = typeof value === 'string' ? value : '';
  const common = { label, error: errorText, required: spec.required, id: `${idPrefix}-${spec.name}`, size: 'sm' as const };

  const fieldOptions = useMemo(
    () =>
      data.fields.filter((f) => spec.kind !== 'dateField' || DATE_TYPES.has(f.type)).map((f) => ({ value: String(f.ID), label: f.name })),
    [data.fields, spec.kind],
  );
  // A name given by a link (e.g. `"field":"birthdate"`) shows as the field it names.
  const fieldValue = (ref: string) => data.fields.find((f) => String(f.ID) === ref || f.name.toLowerCase() === ref.toLowerCase());

  const choiceField =
    spec.name === 'value' && condition ? fieldValue(typeof condition.field === 'string' ? condition.field : '') : undefined;
  if (choiceField?.type === 'select')
    return (
      <ChoiceValueInput
        field={choiceField}
        comparison={typeof condition?.comparison === 'string' ? condition.comparison : undefined}
        value={typeof value === 'string' ? value : undefined}
        onChange={onChange}
        label={label}
        error={errorText}
        id={common.id}
      />
    );

  switch (spec.kind) {
    case 'field':
    case 'dateField':
      return (
        <Select
          {...common}
          data={fieldOptions}
          value={text ? String(fieldValue(text)?.ID ?? text) : null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          selectFirstOptionOnChange
          clearable={!spec.required}
          limit={OPTION_LIMIT}
          nothingFoundMessage={t('noMatches')}
        />
      );
    case 'fields':
      return (
        <MultiSelect
          {...common}
          data={data.fields.map((f) => ({ value: f.name, label: f.name }))}
          value={Array.isArray(value) ? value.map((v) => fieldValue(v)?.name ?? v) : []}
          onChange={onChange}
          searchable
          selectFirstOptionOnChange
          limit={OPTION_LIMIT}
          nothingFoundMessage={t('noMatches')}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={(spec.options ?? []).map((o) => ({ value: o, label: labels.option(spec.name, o) }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          allowDeselect={false}
        />
      );
    case 'bool':
      return <Checkbox id={common.id} label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt="xs" />;
    case 'interest':
      return (
        <Select
          {...common}
          data={groupBy(data.interests, (i) => i.group || '—').map(([group, items]) => ({
            group,
            items: items.map((i) => ({ value: String(i.ID), label: i.name })),
          }))}
          value={text ? String(data.interests.find((i) => String(i.ID) === text || i.name === text)?.ID ?? text) : null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          selectFirstOptionOnChange
          limit={OPTION_LIMIT}
          nothingFoundMessage={t('noMatches')}
        />
      );
    case 'interestGroup':
      return (
        <Select
          {...common}
          data={[...new Set(data.interests.map((i) => i.group).filter(Boolean))]}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('noMatches')}
        />
      );
    case 'miniview':
      return (
        <Select
          {...common}
          data={groupBy(data.miniviews, (m) => m.collection).map(([group, items]) => ({
            group,
            items: items.map((m) => ({ value: String(m.ID), label: m.name })),
          }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          selectFirstOptionOnChange
          limit={OPTION_LIMIT}
          nothingFoundMessage={t('noMatches')}
        />
      );
    case 'view':
      return (
        <Select
          {...common}
          data={data.views.filter((v) => !data.excludedViews.has(String(v.ID))).map((v) => ({ value: String(v.ID), label: v.path }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          selectFirstOptionOnChange
          limit={OPTION_LIMIT}
          nothingFoundMessage={t('noMatches')}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

function groupBy<T>(list: T[], key: (x: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const x of list) map.set(key(x), [...(map.get(key(x)) ?? []), x]);
  return [...map];
}
