import { Alert, Anchor, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { recordKey } from '@/api/own-writes';
import { fetchProfileNow, profileQueries, useUpdateProfileFields } from '@/api/profiles';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { UnsavedChangesGuard } from '@/components/UnsavedChangesGuard';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { RecordFieldsForm } from '../fields/RecordFieldsForm';
import { CollectionSubprofiles } from './CollectionSubprofiles';
import { EmailingHistory } from './EmailingHistory';
import { InterestToggles } from './InterestToggles';
import { profileMessages } from './messages';
import { RecordHeader } from './RecordHeader';
import { SecretEditor } from './SecretEditor';
import { useRecordDelete } from './use-record-delete';

export function ProfilePage() {
  const t = useT(profileMessages);
  const databaseId = useDatabaseId();
  const profileId = useParams().profileId ?? '';
  const database = useDatabase();
  const profile = useQuery(profileQueries.detail(profileId));
  const update = useUpdateProfileFields(databaseId);
  const recordDelete = useRecordDelete();
  const navigate = useNavigate();
  const [dirty, setDirty] = useState(false);
  const fetchLatest = useCallback(async () => {
    const [p, fields] = await fetchProfileNow(profileId);
    return { modified: p.modified, fields };
  }, [profileId]);

  if (profile.isPending || database.isPending) return <TableSkeleton rows={6} />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const p = profile.data;
  const db = database.data;
  const listPath = `/databases/${databaseId}/profiles`;
  // Undoable: the list hides the profile while Undo is offered; the DELETE goes out after a few seconds.
  const deleteProfile = () => {
    recordDelete.profile(
      p.ID,
      db.collections.data.map((c) => c.ID),
      listPath,
    );
    void navigate(listPath);
  };

  return (
    <Stack>
      <UnsavedChangesGuard when={dirty} />
      <Anchor component={Link} to={`/databases/${databaseId}/profiles`} size="sm">
        ← {t('backToList')}
      </Anchor>
      <RecordHeader
        title={t('profile', { id: p.ID })}
        created={p.created}
        modified={p.modified}
        removed={p.removed}
        record={{ kind: 'profile', id: p.ID, onDelete: deleteProfile }}
      />
      {p.removed && <Alert color="yellow">{t('removedNote')}</Alert>}
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('fields')}
        </Title>
        <RecordFieldsForm
          key={p.ID}
          fields={db.fields.data}
          record={p}
          recordKey={recordKey('profile', p.ID)}
          fetchLatest={fetchLatest}
          save={(changed) => update.mutateAsync({ id: p.ID, fields: changed })}
          onDirtyChange={setDirty}
        />
      </Paper>
      <Paper withBorder p="md">
        <SecretEditor key={p.ID} databaseId={databaseId} profileId={p.ID} secret={p.secret ?? ''} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('interests')}
        </Title>
        <InterestToggles databaseId={databaseId} profileId={p.ID} interests={db.interests.data} active={p.interests} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('subprofiles')}
        </Title>
        <Stack gap="lg">
          {db.collections.data.length === 0 && <Alert color="gray">{t('noCollections')}</Alert>}
          {db.collections.data.map((c) => (
            <CollectionSubprofiles key={c.ID} databaseId={databaseId} profileId={p.ID} collection={c} />
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('history')}
        </Title>
        <EmailingHistory owner="profile" id={p.ID} />
      </Paper>
    </Stack>
  );
}
