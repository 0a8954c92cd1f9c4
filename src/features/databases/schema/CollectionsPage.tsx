import { Anchor, Button, EmptyState, Group, Stack, Table, Title } from '@mantine/core';
import { IconFolders, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCreateCollection } from '@/api/collections';
import { databaseQueries } from '@/api/databases';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useT } from '@/i18n/i18n';
import { useDatabaseId } from '../database/use-database';
import { schemaMessages } from './messages';
import { NameModal } from './NameModal';

/** GET/POST database/$id/collections. */
export function CollectionsPage() {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const fmt = useFormat();
  const databaseId = useDatabaseId();
  const collections = useQuery(databaseQueries.collections(databaseId));
  const create = useCreateCollection(databaseId);
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('collectionsTitle')}</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('newCollection')}
        </Button>
      </Group>
      {collections.isPending ? (
        <TableSkeleton rows={3} />
      ) : collections.isError ? (
        <QueryError error={collections.error} onRetry={() => void collections.refetch()} />
      ) : collections.data.data.length === 0 ? (
        <EmptyState icon={<IconFolders />} title={t('noCollections')} />
      ) : (
        <Table striped aria-label={t('collectionsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th ta="right">{t('colFieldsCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {collections.data.data.map((c) => (
              <Table.Tr key={c.ID}>
                <Table.Td>
                  <Anchor component={Link} to={`/databases/${databaseId}/collections/${c.ID}`}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{fmt.number(c.fields.total ?? c.fields.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <NameModal
          title={t('newCollection')}
          initial={{ name: '', second: '' }}
          nameHint={t('collectionNameRule')}
          validateName={(n) => (/^[A-Za-z_]+$/.test(n) ? null : t('collectionNameRule'))}
          saving={create.isPending}
          error={create.error}
          onClose={() => setCreating(false)}
          onSave={({ name }) =>
            create.mutate(
              { name },
              {
                onSuccess: () => {
                  notify(t('saved'));
                  setCreating(false);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}
