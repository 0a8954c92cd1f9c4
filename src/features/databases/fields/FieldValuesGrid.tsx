import { SimpleGrid, type SimpleGridProps } from '@mantine/core';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from './FieldValueInput';
import type { InvalidReason } from './field-values.utils';
import { recordMessages } from './messages';

/** One input per field in a grid, each showing why its value is refused (`errors`, by field name). */
export function FieldValuesGrid({
  fields,
  valueFor,
  errors,
  onChange,
  cols,
}: {
  fields: readonly DatabaseField[];
  valueFor: (field: DatabaseField) => string;
  errors: Record<string, InvalidReason | null>;
  onChange: (name: string, value: string) => void;
  cols: SimpleGridProps['cols'];
}) {
  const tr = useT(recordMessages);
  return (
    <SimpleGrid cols={cols}>
      {fields.map((f) => {
        const reason = errors[f.name];
        return (
          <FieldValueInput
            key={f.ID}
            field={f}
            label={f.name}
            value={valueFor(f)}
            error={reason ? tr(reason) : null}
            onChange={(v) => onChange(f.name, v)}
          />
        );
      })}
    </SimpleGrid>
  );
}
