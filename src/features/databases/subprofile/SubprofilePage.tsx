import { Alert, Anchor, Group, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { recordKey } from '@/api/own-writes';
import { fetchSubprofileNow, subprofileQueries, useUpdateSubprofileFields } from '@/api/subprofiles';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { UnsavedChangesGuard } from '@/components/UnsavedChangesGuard';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { RecordFieldsForm } from '../fields/RecordFieldsForm';
import { EmailingHistory } from '../profile/EmailingHistory';
import { profileMessages } from '../profile/messages';
import { RecordHeader } from '../profile/RecordHeader';
import { useRecordDelete } from '../profile/use-record-delete';

export function SubprofilePage() {
  const t = useT(profileMessages);
  const databaseId = useDatabaseId();
  const id = useParams().subprofileId ?? '';
  const database = useDatabase();
  const sub = useQuery(subprofileQueries.detail(id));
  const update = useUpdateSubprofileFields();
  const recordDelete = useRecordDelete();
  const navigate = useNavigate();
  const [dirty, setDirty] = useState(false);
  const fetchLatest = useCallback(async () => {
    const [s, fields] = await fetchSubprofileNow(id);
    return { modified: s.modified, fields };
  }, [id]);

  if (sub.isPending || database.isPending) return <TableSkeleton rows={6} />;
  if (sub.isError) return <QueryError error={sub.error} onRetry={() => void sub.refetch()} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const s = sub.data;
  const collection = database.data.collections.data.find((c) => c.ID === String(s.collection));
  const profileUrl = `/databases/${databaseId}/profiles/${s.profile}`;

  return (
    <Stack>
      <UnsavedChangesGuard when={dirty} />
      <Group gap="md">
        <Anchor component={Link} to={profileUrl} size="sm">
          ← {t('profile', { id: s.profile })}
        </Anchor>
        {collection && (
          <Anchor component={Link} to={`/databases/${databaseId}/collections/${collection.ID}`} size="sm">
            {t('collection', { name: collection.name })}
          </Anchor>
        )}
      </Group>
      <RecordHeader
        title={t('subprofile', { id: s.ID })}
        created={s.created}
        modified={s.modified}
        removed={s.removed}
        record={{
          kind: 'subprofile',
          id: s.ID,
          collectionId: String(s.collection),
          onDelete: () => {
            recordDelete.subprofile(s.ID, profileUrl);
            void navigate(profileUrl);
          },
        }}
      />
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('fields')}
        </Title>
        {collection ? (
          <RecordFieldsForm
            key={s.ID}
            fields={collection.fields.data}
            record={s}
            recordKey={recordKey('subprofile', s.ID)}
            fetchLatest={fetchLatest}
            save={(changed) => update.mutateAsync({ id: s.ID, fields: changed })}
            onDirtyChange={setDirty}
          />
        ) : (
          <Alert color="gray">{t('noCollections')}</Alert>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('history')}
        </Title>
        <EmailingHistory owner="subprofile" id={s.ID} />
      </Paper>
    </Stack>
  );
}
