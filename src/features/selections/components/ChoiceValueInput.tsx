import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import { choiceMode, choicesToPattern, fieldChoices, patternToChoices } from '../model/choice-value.utils';

/** Stands for the empty value in the picker: Mantine's Select cannot offer '' as an option. */
const EMPTY = '\u0000empty';

type Props = {
  /** The condition's field: a `select` field, whose `value` holds its choices. */
  field: { name: string; value: string };
  comparison: string | undefined;
  value: string | undefined;
  onChange: (value: string) => void;
  label: string;
  error?: string;
  id: string;
};

/**
 * The value of a Field condition on a choice field: its own choices instead of free text. "(empty)" is a choice
 * of its own, so an empty value is always chosen on purpose; "matches the pattern" takes several choices.
 */
export function ChoiceValueInput({ field, comparison, value, onChange, label, error, id }: Props) {
  const t = useT(selectionMessages);
  const choices = fieldChoices(field.value);
  const mode = choiceMode(comparison);
  const common = { id, label, error, size: 'sm' as const, required: true };

  if (mode === 'one') {
    const data = [{ value: EMPTY, label: t('emptyChoice') }, ...choices.map((c) => ({ value: c, label: c }))];
    // A value that is no longer a choice stays visible rather than silently blank.
    if (value && !choices.includes(value)) data.push({ value, label: value });
    return (
      <Select
        {...common}
        data={data}
        value={value === undefined ? null : value === '' ? EMPTY : value}
        onChange={(v) => v !== null && onChange(v === EMPTY ? '' : v)}
        allowDeselect={false}
        placeholder={t('chooseValue')}
      />
    );
  }
  const picked = mode === 'several' ? patternToChoices(value ?? '', choices) : null;
  if (picked)
    return (
      <MultiSelect
        {...common}
        data={choices}
        value={picked}
        onChange={(list) => onChange(choicesToPattern(list))}
        description={t('severalChoices')}
        placeholder={picked.length ? undefined : t('chooseValue')}
      />
    );
  return <TextInput {...common} required={false} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
}
