import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { AppModal } from '@/components/AppModal';
import { useFormat, useT } from '@/i18n/i18n';
import { conflictRows } from './conflict.utils';
import { recordMessages } from './messages';
import type { RecordSnapshot } from './save-record';

/** Shows both values of every field either side changed, and lets the user choose. */
export function ConflictModal({
  base,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: {
  base: RecordSnapshot;
  mine: Record<string, string>;
  theirs: RecordSnapshot;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCancel: () => void;
}) {
  const t = useT(recordMessages);
  const fmt = useFormat();
  const rows = conflictRows(base.fields, mine, theirs.fields);
  const show = (v: string) => (v === '' ? t('empty') : v);
  return (
    <AppModal opened onClose={onCancel} title={t('conflictTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('conflictBody', { theirs: fmt.dateTime(theirs.modified), mine: fmt.dateTime(base.modified) })}</Text>
        <Table withTableBorder aria-label={t('conflictTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('colField')}</Table.Th>
              <Table.Th>{t('colMine')}</Table.Th>
              <Table.Th>{t('colTheirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.field} data-clash={r.clash || undefined}>
                <Table.Td>
                  {r.field}{' '}
                  {r.clash && (
                    <Badge color="orange" size="xs">
                      !
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.mine === r.base ? `${show(r.mine)} (${t('unchanged')})` : show(r.mine)}</Table.Td>
                <Table.Td>{r.theirs === r.base ? `${show(r.theirs)} (${t('unchanged')})` : show(r.theirs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button variant="default" onClick={onTakeTheirs}>
            {t('takeTheirs')}
          </Button>
          <Button onClick={onKeepMine}>{t('keepMine')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
