import { Alert, Anchor, Button, Checkbox, Fieldset, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CheckedOutcome } from '@/api/create-outcome';
import { useCreateProfile } from '@/api/profiles';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { UnsavedChangesGuard } from '@/components/UnsavedChangesGuard';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { CreateOutcomeNotice, isCreateOutcomeUnknown } from '../fields/CreateOutcomeNotice';
import { FieldValuesGrid } from '../fields/FieldValuesGrid';
import { invalidReason, selectChoices } from '../fields/field-values.utils';
import { recordMessages } from '../fields/messages';
import { profileMessages } from './messages';

/**
 * POST database/$id/profiles with `{fields, interests}`; starts from the fields' defaults. Exactly one create
 * per submit (the write guard refuses repeats while one runs); on success it opens the new profile, and a
 * lost answer is looked up instead of being sent again.
 */
export function CreateProfilePage() {
  const t = useT(profileMessages);
  const notify = useNotify();
  const tr = useT(recordMessages);
  const databaseId = useDatabaseId();
  const database = useDatabase();
  const create = useCreateProfile(databaseId);
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [interests, setInterests] = useState<string[]>([]);
  // After a lost answer: the lookup found the profile, so a second create would be a duplicate.
  const [lostCreate, setLostCreate] = useState<CheckedOutcome | null>(null);
  const createdId = create.data?.createdId;

  // Leave once the success has rendered, so the unsaved-changes guard lets us go.
  useEffect(() => {
    if (create.isSuccess) void navigate(createdId ? `/databases/${databaseId}/profiles/${createdId}` : `/databases/${databaseId}/profiles`);
  }, [create.isSuccess, createdId, databaseId, navigate]);

  if (database.isPending) return <TableSkeleton rows={6} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const fields = database.data.fields.data;
  const valueFor = (name: string) => values[name] ?? '';
  const errors = Object.fromEntries(fields.map((f) => [f.name, invalidReason(f, valueFor(f.name))]));
  const valid = Object.values(errors).every((e) => e === null);
  const touched = Object.values(values).some((v) => v !== '') || interests.length > 0;
  const alreadyCreated = lostCreate?.created === true;

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!valid || alreadyCreated || create.isSuccess) return;
    // Only what the user filled in: the API applies each field's default to the rest.
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    setLostCreate(null);
    create.submit(
      { fields: filled, interests: Object.fromEntries(interests.map((n) => [n, 1 as const])) },
      { onSuccess: ({ createdId: id }) => notify(t('profileCreated', { id: id ?? '' })) },
    );
  }

  return (
    <Stack>
      <UnsavedChangesGuard when={(touched || create.busy) && !create.isSuccess && !alreadyCreated} />
      <Anchor component={Link} to={`/databases/${databaseId}/profiles`} size="sm">
        ← {t('backToList')}
      </Anchor>
      <Title order={2}>{t('newProfileTitle')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={handleSubmit}>
          <Stack>
            {create.isError &&
              (isCreateOutcomeUnknown(create.error) ? (
                <CreateOutcomeNotice
                  error={create.error}
                  linkTo={(id) => `/databases/${databaseId}/profiles/${id}`}
                  onOutcome={setLostCreate}
                />
              ) : (
                <Alert color="red" role="alert">
                  {create.error.message}
                </Alert>
              ))}
            {create.waiting && (
              <Alert color="yellow" role="status">
                {tr('waiting')}
              </Alert>
            )}
            {/* Locked, never cleared, while the create is on its way (or waiting for the connection). */}
            <Fieldset disabled={create.busy} variant="unstyled" p={0}>
              <FieldValuesGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                fields={fields}
                valueFor={(f) => valueFor(f.name) || (f.type === 'select' ? (selectChoices(f.value).defaultChoice ?? '') : '')}
                errors={errors}
                onChange={(name, v) => setValues((all) => ({ ...all, [name]: v }))}
              />
              {database.data.interests.data.length > 0 && (
                <Fieldset legend={t('interests')}>
                  <Checkbox.Group value={interests} onChange={setInterests}>
                    <Group>
                      {database.data.interests.data.map((i) => (
                        <Checkbox key={i.ID} value={i.name} label={i.group ? `${i.group} · ${i.name}` : i.name} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                </Fieldset>
              )}
            </Fieldset>
            <Group>
              <Button type="submit" loading={create.busy} disabled={!valid || alreadyCreated || create.isSuccess}>
                {t('createProfile')}
              </Button>
              {create.busy && !create.waiting && (
                <Text size="sm" c="dimmed" role="status">
                  {t('creating')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
