import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { collectionQueries } from '@/api/collections';
import type { Collection } from '@/api/databases';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useWithoutPendingDeletes } from '@/components/undoable-delete/PendingDeletes';
import { useFormat, useT } from '@/i18n/i18n';
import { subprofileDeletePath } from '../profile/use-record-delete';
import { FilterBuilder } from '../profiles/FilterBuilder';
import { type FilterRule, toFieldsParam } from '../profiles/filter.utils';
import { saveSelectionMessages } from '../profiles/save-selection-messages';
import { SubprofilesTable } from '../subprofile/SubprofilesTable';
import { CollectionBulkActions } from './CollectionBulkActions';
import { schemaMessages } from './messages';

const PAGE = 50;
const SaveAsSelectionModal = lazy(() => import('../profiles/SaveAsSelectionModal').then((m) => ({ default: m.SaveAsSelectionModal })));

/** Every subprofile of a collection across profiles (GET collection/$id/subprofiles), filterable. */
export function CollectionSubprofilesBrowser({ databaseId, collection }: { databaseId: string; collection: Collection }) {
  const t = useT(schemaMessages);
  const ts = useT(saveSelectionMessages);
  const [saveAsSelection, setSaveAsSelection] = useState(false);
  const fmt = useFormat();
  const [rules, setRules] = useState<FilterRule[]>([]);
  const [start, setStart] = useState(0);
  const fields = collection.fields.data;
  const filter = toFieldsParam(rules, fields).fields;
  const list = useQuery(collectionQueries.subprofiles(collection.ID, { start, limit: PAGE, fields: filter }));
  const total = useQuery(collectionQueries.subprofileTotal(collection.ID, filter));
  const [countIds, setCountIds] = useState(false);
  const ids = useQuery({ ...collectionQueries.subprofileIds(collection.ID), enabled: countIds });
  const rows = useWithoutPendingDeletes(list.data?.data, (s) => subprofileDeletePath(s.ID));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('collectionSubprofiles', { name: collection.name })}</Title>
          <Group gap="xs">
            {total.data !== undefined && <Text size="sm">{t('subprofilesTotal', { total: total.data })}</Text>}
            {ids.data ? (
              <Text size="sm" c="dimmed">
                {t('subprofileIds', { count: fmt.number(ids.data.length) })}
              </Text>
            ) : (
              <Button size="compact-xs" variant="subtle" loading={ids.isFetching} onClick={() => setCountIds(true)}>
                {t('loadIds')}
              </Button>
            )}
          </Group>
        </Group>
        <FilterBuilder
          fields={fields}
          rules={rules}
          onApply={(r) => {
            setRules(r);
            setStart(0);
          }}
        />
        <Group gap="xs">
          <CollectionBulkActions collection={collection} filter={filter} total={total.data} />
          {rules.length > 0 && (
            <Button size="xs" variant="default" onClick={() => setSaveAsSelection(true)}>
              {ts('buttonMini')}
            </Button>
          )}
        </Group>
        <Suspense>
          {saveAsSelection && (
            <SaveAsSelectionModal
              owner={{ kind: 'collection', id: collection.ID }}
              filter={rules}
              fields={fields}
              onClose={() => setSaveAsSelection(false)}
            />
          )}
        </Suspense>
        {list.isPending ? (
          <TableSkeleton rows={4} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.count === 0 ? (
          <Text c="dimmed">{t('noSubprofiles')}</Text>
        ) : (
          <SubprofilesTable
            databaseId={databaseId}
            fields={fields}
            rows={rows}
            label={t('collectionSubprofiles', { name: collection.name })}
            minWidth={500}
            profileHeader={t('profile')}
          />
        )}
        <Pager start={start} limit={PAGE} count={list.data?.count ?? 0} total={total.data} onChange={setStart} busy={list.isFetching} />
      </Stack>
    </Paper>
  );
}
