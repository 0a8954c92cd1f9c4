import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import type { DatabaseField } from '@/api/databases';
import { fromInputValue, inputKind, selectChoices, toInputValue } from './field-values.utils';

type Props = {
  field: Pick<DatabaseField, 'name' | 'type' | 'value'>;
  /** The value as the API stores it (always a string). */
  value: string;
  onChange: (apiValue: string) => void;
  label?: string;
  error?: string | null;
  size?: 'xs' | 'sm';
  'aria-label'?: string;
  'aria-describedby'?: string;
  disabled?: boolean;
};

/** One typed input per Copernica field type; values go in and out in the API's string format. */
export function FieldValueInput({ field, value, onChange, label, error, size = 'sm', disabled, ...rest }: Props) {
  const kind = inputKind(field.type);
  const common = {
    label,
    error,
    size,
    disabled,
    'aria-label': rest['aria-label'],
    'aria-describedby': rest['aria-describedby'],
    name: field.name,
  };
  const change = (v: string) => onChange(fromInputValue(kind, v));
  switch (kind) {
    case 'select': {
      const { choices } = selectChoices(field.value);
      const data = [{ value: '', label: '—' }, ...choices.map((c) => ({ value: c, label: c }))];
      // Keep a stored value that is no longer a choice visible rather than silently blank.
      if (value && !choices.includes(value)) data.push({ value, label: value });
      return <NativeSelect {...common} data={data} value={value} onChange={(e) => change(e.currentTarget.value)} />;
    }
    case 'big':
      return <Textarea {...common} autosize minRows={2} maxRows={8} value={value} onChange={(e) => change(e.currentTarget.value)} />;
    default: {
      const type = {
        text: 'text',
        email: 'email',
        phone: 'tel',
        integer: 'number',
        float: 'number',
        date: 'date',
        datetime: 'datetime-local',
      }[kind];
      return (
        <TextInput
          {...common}
          type={type}
          step={kind === 'float' ? 'any' : kind === 'datetime' ? 1 : undefined}
          inputMode={kind === 'integer' ? 'numeric' : kind === 'float' ? 'decimal' : undefined}
          value={toInputValue(kind, value)}
          onChange={(e) => change(e.currentTarget.value)}
        />
      );
    }
  }
}
