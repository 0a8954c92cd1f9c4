import { ActionIcon, Button, Group, NativeSelect } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { bulkMessages } from './bulk-messages';

export type FieldAssignment = { field: string; value: string };

export const firstAssignment = (fields: DatabaseField[]): FieldAssignment[] => [{ field: fields[0]?.name ?? '', value: '' }];

/** The assignments as the flat field map the API takes. */
export const toFieldMap = (sets: FieldAssignment[]) => Object.fromEntries(sets.filter((s) => s.field).map((s) => [s.field, s.value]));

/** "Set field X to value Y" rows of a bulk update (profiles or subprofiles). */
export function SetFieldsEditor({
  fields,
  sets,
  onChange,
  disabled,
}: {
  fields: DatabaseField[];
  sets: FieldAssignment[];
  onChange: (sets: FieldAssignment[]) => void;
  disabled?: boolean;
}) {
  const t = useT(bulkMessages);
  return (
    <>
      {sets.map((s, i) => {
        const field = fields.find((f) => f.name === s.field);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
          <Group key={i} align="flex-end" gap="xs">
            <NativeSelect
              label={t('setField')}
              value={s.field}
              data={fields.map((f) => f.name)}
              disabled={disabled}
              onChange={(e) => {
                const name = e.currentTarget.value;
                onChange(sets.map((x, j) => (j === i ? { field: name, value: '' } : x)));
              }}
            />
            {field && (
              <FieldValueInput
                label={t('newValue')}
                field={field}
                value={s.value}
                disabled={disabled}
                onChange={(value) => onChange(sets.map((x, j) => (j === i ? { ...x, value } : x)))}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              disabled={disabled}
              aria-label={t('removeField', { n: i + 1 })}
              onClick={() => onChange(sets.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {!disabled && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...sets, ...firstAssignment(fields)])}
        >
          {t('addField')}
        </Button>
      )}
    </>
  );
}
