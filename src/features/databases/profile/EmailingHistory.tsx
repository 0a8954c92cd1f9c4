import { Alert, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type EmailingSystem, profileEmailingQueries } from '@/api/profile-emailings';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { StackedTable } from '@/components/StackedTable';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

/**
 * Mailings sent to a profile or subprofile (GET …/{publisher,ms}/emailings). Read-only; an error
 * (e.g. an API without these calls) becomes a calm note, not a broken page.
 */
export function EmailingHistory({ owner, id }: { owner: 'profile' | 'subprofile'; id: string }) {
  const t = useT(profileMessages);
  const fmt = useFormat();
  const [system, setSystem] = useState<EmailingSystem>('publisher');
  const list = useQuery(profileEmailingQueries.list(owner, id, system, { start: 0, limit: 100 }));
  return (
    <Stack gap="xs">
      <SegmentedChoice
        size="xs"
        aria-label={t('history')}
        value={system}
        onChange={(v) => setSystem(v as EmailingSystem)}
        data={[
          { value: 'publisher', label: t('publisher') },
          { value: 'ms', label: t('marketingSuite') },
        ]}
      />
      {list.isPending ? (
        <TableSkeleton rows={3} />
      ) : list.isError ? (
        <Alert color="gray" variant="light" role="status" title={t('historyUnavailable')}>
          {list.error.message}
        </Alert>
      ) : list.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noEmailings')}
        </Text>
      ) : (
        <StackedTable striped aria-label={t('history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ID</Table.Th>
              <Table.Th>{t('colSubject')}</Table.Th>
              <Table.Th>{t('colSent')}</Table.Th>
              <Table.Th>{t('colType')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.data.map((e, i) => (
              <Table.Tr key={String(e.id ?? e.ID ?? i)}>
                <Table.Td>{String(e.id ?? e.ID ?? '')}</Table.Td>
                <Table.Td>{e.subject ?? ''}</Table.Td>
                <Table.Td>{e.timestamp ? fmt.dateTime(e.timestamp) : ''}</Table.Td>
                <Table.Td>{e.type ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
    </Stack>
  );
}
