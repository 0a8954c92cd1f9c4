import { ActionIcon, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/**
 * Edit and Delete icons at the end of a table row. `name` says which row each button is for ("Edit Newsletter"),
 * `groupLabel` names the pair for screen readers where the table has many rows that look alike.
 */
export function RowActions({
  name,
  onEdit,
  onDelete,
  groupLabel,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  groupLabel?: string;
}) {
  const t = useT(commonMessages);
  return (
    <Group gap={4} wrap="nowrap" role={groupLabel ? 'group' : undefined} aria-label={groupLabel}>
      <ActionIcon variant="subtle" aria-label={`${t('edit')} ${name}`} onClick={onEdit}>
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" aria-label={`${t('delete')} ${name}`} onClick={onDelete}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** The header cell above a column of RowActions: empty on screen, "Edit" for screen readers. */
export function RowActionsHeader() {
  const t = useT(commonMessages);
  return (
    <Table.Th w={90}>
      <VisuallyHidden>{t('edit')}</VisuallyHidden>
    </Table.Th>
  );
}
