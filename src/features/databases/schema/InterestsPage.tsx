import { Button, EmptyState, Group, Stack, Table, Title } from '@mantine/core';
import { IconHeart, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Interest } from '@/api/databases';
import { groupInterests, interestQueries, useCreateInterest, useDeleteInterest, useUpdateInterest } from '@/api/interests';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { RowActions, RowActionsHeader } from '@/components/RowActions';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useDatabaseId } from '../database/use-database';
import { ConfirmDeleteById } from '../profile/ConfirmDeleteModal';
import { schemaMessages } from './messages';
import { NameModal } from './NameModal';

/** Interests by group: create, rename, regroup (PUT interest/$id), delete. */
export function InterestsPage() {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const databaseId = useDatabaseId();
  const interests = useQuery(interestQueries.list(databaseId));
  const create = useCreateInterest(databaseId);
  const update = useUpdateInterest(databaseId);
  const remove = useDeleteInterest(databaseId);
  const [editing, setEditing] = useState<Interest | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Interest | null>(null);
  const done = () => {
    notify(t('saved'));
    setEditing(null);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('interestsTitle')}</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('newInterest')}
        </Button>
      </Group>
      {interests.isPending ? (
        <TableSkeleton rows={4} />
      ) : interests.isError ? (
        <QueryError error={interests.error} onRetry={() => void interests.refetch()} />
      ) : interests.data.data.length === 0 ? (
        <EmptyState icon={<IconHeart />} title={t('noInterests')} />
      ) : (
        <Table aria-label={t('interestsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('group')}</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <RowActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groupInterests(interests.data.data).flatMap(({ group, interests: list }) =>
              list.map((i, n) => (
                <Table.Tr key={i.ID}>
                  <Table.Td fw={n === 0 ? 600 : undefined} c={n === 0 ? undefined : 'dimmed'}>
                    {group || t('noGroup')}
                  </Table.Td>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>
                    <RowActions name={i.name} onEdit={() => setEditing(i)} onDelete={() => setDeleting(i)} />
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <NameModal
          title={editing === 'new' ? t('newInterest') : t('editInterestTitle', { name: editing.name })}
          initial={editing === 'new' ? { name: '', second: '' } : { name: editing.name, second: editing.group ?? '' }}
          secondLabel={t('group')}
          saving={create.isPending || update.isPending}
          error={editing === 'new' ? create.error : update.error}
          onClose={() => setEditing(null)}
          onSave={({ name, second }) =>
            editing === 'new'
              ? create.mutate({ name, group: second || undefined }, { onSuccess: done })
              : update.mutate({ id: editing.ID, input: { name, group: second } }, { onSuccess: done })
          }
        />
      )}
      {deleting && (
        <ConfirmDeleteById
          id={String(deleting.ID)}
          mutation={remove}
          title={t('deleteInterestTitle', { name: deleting.name })}
          body={t('deleteInterestBody')}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
