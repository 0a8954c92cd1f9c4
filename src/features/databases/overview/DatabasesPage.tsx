import { Anchor, Badge, Button, EmptyState, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDatabaseOff, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { databaseQueries, useCreateDatabase } from '@/api/databases';
import { useNotify } from '@/components/notify';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useT } from '@/i18n/i18n';
import { databaseMessages } from '../messages';
import { DATABASES_PAGE_SIZE, databaseListPage } from './list-page';

// The form (Modal, form state, inputs) loads when it is opened, not with the overview's first screen.
const DatabaseFormModal = lazy(() => import('./DatabaseFormModal').then((m) => ({ default: m.DatabaseFormModal })));

export function DatabasesPage() {
  const t = useT(databaseMessages);
  const notify = useNotify();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const page = databaseListPage(params);
  const start = page.start;
  const databases = useQuery(databaseQueries.list(page));
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const create = useCreateDatabase();
  const navigate = useNavigate();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        <Group gap="xs">
          {databases.isFetching && !databases.isPending && <Loader size="xs" role="status" aria-label={t('title')} />}
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
            {t('newDatabase')}
          </Button>
        </Group>
      </Group>
      {creating && (
        <Suspense>
          <DatabaseFormModal
            opened
            onClose={closeCreate}
            title={t('createTitle')}
            initial={{ name: '' }}
            mutation={create}
            onSaved={({ createdId }) => {
              notify(t('created'));
              closeCreate();
              if (createdId) void navigate(`/databases/${createdId}/fields`);
            }}
          />
        </Suspense>
      )}
      {databases.isPending ? (
        <TableSkeleton />
      ) : databases.isError ? (
        <QueryError error={databases.error} onRetry={() => void databases.refetch()} />
      ) : databases.data.count === 0 && start === 0 ? (
        <EmptyState icon={<IconDatabaseOff />} title={t('emptyTitle')} description={t('empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('colName')}</Table.Th>
                  <Table.Th>{t('colDescription')}</Table.Th>
                  <Table.Th ta="right">{t('colFields')}</Table.Th>
                  <Table.Th ta="right">{t('colInterests')}</Table.Th>
                  <Table.Th ta="right">{t('colCollections')}</Table.Th>
                  <Table.Th>{t('colCreated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {databases.data.data.map((db) => (
                  <Table.Tr key={db.ID}>
                    <Table.Td>
                      <Anchor component={Link} to={`/databases/${db.ID}`} fw={500}>
                        {db.name}
                      </Anchor>
                      {db.archived && (
                        <Badge ml="xs" size="xs" variant="light" color="gray">
                          {t('archived')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {db.description}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(db.fields.total ?? db.fields.count)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(db.interests.total ?? db.interests.count)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(db.collections.total ?? db.collections.count)}</Table.Td>
                    <Table.Td>{fmt.date(db.created)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            start={start}
            limit={DATABASES_PAGE_SIZE}
            count={databases.data.count}
            total={databases.data.total}
            busy={databases.isFetching}
            onChange={(next) => setParams(next ? { start: String(next) } : {})}
          />
        </>
      )}
    </Stack>
  );
}
