import { Anchor, Badge, EmptyState, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { databaseQueries } from '@/api/databases';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useT } from '@/i18n/i18n';
import { databaseMessages } from './messages';

const PAGE_SIZE = 100;

export function DatabasesPage() {
  const t = useT(databaseMessages);
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const start = Math.max(0, Number(params.get('start')) || 0);
  const databases = useQuery(databaseQueries.list({ start, limit: PAGE_SIZE }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        {databases.isFetching && !databases.isPending && <Loader size="xs" />}
      </Group>
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
            limit={PAGE_SIZE}
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
