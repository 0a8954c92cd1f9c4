import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import type { WriteResult } from '@/api/client';
import type { DatabaseInput } from '@/api/databases';
import { AppModal } from '@/components/AppModal';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { databaseMessages } from '../messages';

/** Create (POST databases) or edit (PUT database/$id) name, description and archived. */
export function DatabaseFormModal({
  opened,
  onClose,
  title,
  initial,
  mutation,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  initial: DatabaseInput;
  mutation: UseMutationResult<WriteResult, Error, DatabaseInput>;
  onSaved: (result: WriteResult) => void;
}) {
  const t = useT(databaseMessages);
  const tc = useT(commonMessages);
  const form = useForm<DatabaseInput>({
    initialValues: { name: initial.name, description: initial.description ?? '', archived: initial.archived ?? false },
    validate: { name: (v) => (v.trim() ? null : t('nameRequired')) },
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      {/* The draft stays on error; the API's message says why. */}
      <form onSubmit={form.onSubmit((values) => mutation.mutate({ ...values, name: values.name.trim() }, { onSuccess: onSaved }))}>
        <Stack>
          {mutation.isError && (
            <Alert color="red" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          <TextInput label={t('name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('description')} {...form.getInputProps('description')} />
          <Checkbox label={t('archivedLabel')} {...form.getInputProps('archived', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {tc('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
