import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFilter, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';
import type { Collection } from '@/api/databases';
import { type Subprofile, subprofileQueries, useCreateSubprofile, useUpdateSubprofileFields } from '@/api/subprofiles';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { RowActions } from '@/components/RowActions';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useWithoutPendingDeletes } from '@/components/undoable-delete/PendingDeletes';
import { useT } from '@/i18n/i18n';
import { bulkMessages } from '../profiles/bulk-messages';
import { SubprofilesTable } from '../subprofile/SubprofilesTable';
import { profileMessages } from './messages';
import { SubprofileModal } from './SubprofileModal';
import { subprofileDeletePath, useRecordDelete } from './use-record-delete';

const UpsertSubprofilesModal = lazy(() => import('./UpsertSubprofilesModal').then((m) => ({ default: m.UpsertSubprofilesModal })));

const PAGE = 25;

/** One collection's subprofiles of one profile: a table with create, edit and delete. */
export function CollectionSubprofiles({
  databaseId,
  profileId,
  collection,
}: {
  databaseId: string;
  profileId: string;
  collection: Collection;
}) {
  const t = useT(profileMessages);
  const tb = useT(bulkMessages);
  const [start, setStart] = useState(0);
  const list = useQuery(subprofileQueries.ofProfile(profileId, collection.ID, { start, limit: PAGE }));
  const create = useCreateSubprofile(profileId, collection.ID);
  const update = useUpdateSubprofileFields();
  const recordDelete = useRecordDelete();
  const rows = useWithoutPendingDeletes(list.data?.data, (s) => subprofileDeletePath(s.ID));
  const { pathname } = useLocation();
  const [editing, setEditing] = useState<Subprofile | 'new' | null>(null);
  const [upserting, setUpserting] = useState(false);
  const fields = collection.fields.data;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('collection', { name: collection.name })}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
            {t('addSubprofile', { name: collection.name })}
          </Button>
          {fields.length > 0 && (
            <Button size="xs" variant="default" leftSection={<IconFilter size={14} aria-hidden />} onClick={() => setUpserting(true)}>
              {tb('upsertTitle', { name: collection.name })}
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <TableSkeleton rows={2} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.count === 0 && start === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noSubprofiles', { name: collection.name })}
        </Text>
      ) : (
        <>
          <SubprofilesTable
            databaseId={databaseId}
            fields={fields}
            rows={rows}
            label={t('subprofilesOf', { name: collection.name })}
            minWidth={480}
            actions={(s) => (
              <RowActions
                name={s.ID}
                groupLabel={t('actionsFor', { id: s.ID })}
                onEdit={() => setEditing(s)}
                onDelete={() => recordDelete.subprofile(s.ID, pathname)}
              />
            )}
          />
          {(start > 0 || (list.data.total ?? 0) > PAGE) && (
            <Pager start={start} limit={PAGE} count={list.data.count} total={list.data.total} onChange={setStart} busy={list.isFetching} />
          )}
        </>
      )}
      {editing && (
        <SubprofileModal
          title={editing === 'new' ? t('newSubprofileTitle', { name: collection.name }) : t('editSubprofileTitle', { id: editing.ID })}
          fields={fields}
          initial={editing === 'new' ? {} : editing.fields}
          onClose={() => setEditing(null)}
          onSave={(changed) =>
            editing === 'new'
              ? create.mutateAsync(changed)
              : Object.keys(changed).length
                ? update.mutateAsync({ id: editing.ID, fields: changed })
                : Promise.resolve()
          }
        />
      )}
      {upserting && (
        <Suspense>
          <UpsertSubprofilesModal profileId={profileId} collection={collection} onClose={() => setUpserting(false)} />
        </Suspense>
      )}
    </Stack>
  );
}
