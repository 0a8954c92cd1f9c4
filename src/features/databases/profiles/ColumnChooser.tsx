import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { profilesMessages } from './messages';

export function ColumnChooser({
  fields,
  value,
  onChange,
}: {
  fields: DatabaseField[];
  value: string[];
  onChange: (columns: string[]) => void;
}) {
  const t = useT(profilesMessages);
  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} aria-hidden />}>
          {t('columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('columnsTitle')}
          value={value}
          // Keep the field order of the database, whatever order the boxes were ticked in.
          onChange={(next) => onChange(fields.map((f) => f.name).filter((n) => next.includes(n)))}
        >
          <ScrollArea.Autosize mah={320} mt="xs">
            <Stack gap={6}>
              {fields.map((f) => (
                <Checkbox key={f.ID} value={f.name} label={f.name} size="xs" />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
