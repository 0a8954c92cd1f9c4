import { Alert, Anchor, Button, Checkbox, Fieldset, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateProfile } from '@/api/profiles';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { UnsavedChangesGuard } from '@/components/UnsavedChangesGuard';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { FieldValueInput } from '../fields/FieldValueInput';
import { invalidReason, selectChoices } from '../fields/field-values.utils';
import { recordMessages } from '../fields/messages';
import { profileMessages } from './messages';

/** POST database/$id/profiles with `{fields, interests}`; starts from the fields' defaults. */
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

  if (database.isPending) return <TableSkeleton rows={6} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const fields = database.data.fields.data;
  const valueFor = (name: string) => values[name] ?? '';
  const errors = Object.fromEntries(fields.map((f) => [f.name, invalidReason(f, valueFor(f.name))]));
  const valid = Object.values(errors).every((e) => e === null);
  const touched = Object.values(values).some((v) => v !== '') || interests.length > 0;

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!valid) return;
    // Only what the user filled in: the API applies each field's default to the rest.
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    create.mutate(
      { fields: filled, interests: Object.fromEntries(interests.map((n) => [n, 1 as const])) },
      {
        onSuccess: ({ createdId }) => {
          notify(t('profileCreated', { id: createdId ?? '' }));
          setValues({});
          setInterests([]);
          // Leave after the state settles, so the unsaved-changes guard lets us go.
          setTimeout(
            () => void navigate(createdId ? `/databases/${databaseId}/profiles/${createdId}` : `/databases/${databaseId}/profiles`),
          );
        },
      },
    );
  }

  return (
    <Stack>
      <UnsavedChangesGuard when={touched && !create.isSuccess} />
      <Anchor component={Link} to={`/databases/${databaseId}/profiles`} size="sm">
        ← {t('backToList')}
      </Anchor>
      <Title order={2}>{t('newProfileTitle')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={handleSubmit}>
          <Stack>
            {create.isError && (
              <Alert color="red" role="alert">
                {create.error.message}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {fields.map((f) => {
                const reason = errors[f.name];
                return (
                  <FieldValueInput
                    key={f.ID}
                    field={f}
                    label={f.name}
                    value={valueFor(f.name) || (f.type === 'select' ? (selectChoices(f.value).defaultChoice ?? '') : '')}
                    error={reason ? tr(reason) : null}
                    onChange={(v) => setValues((all) => ({ ...all, [f.name]: v }))}
                  />
                );
              })}
            </SimpleGrid>
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
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!valid}>
                {t('createProfile')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
