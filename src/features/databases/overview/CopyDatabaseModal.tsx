import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { type CopyOptions, useCopyDatabase } from '@/api/databases';
import { AppModal } from '@/components/AppModal';
import { useNotify } from '@/components/notify';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { databaseMessages } from '../messages';

type Values = { name: string } & CopyOptions;

/** POST database/$id/copy with its dependent options (miniviews need collections, etc.). */
export function CopyDatabaseModal({
  database,
  opened,
  onClose,
}: {
  database: { ID: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT(databaseMessages);
  const notify = useNotify();
  const tc = useT(commonMessages);
  const navigate = useNavigate();
  const copy = useCopyDatabase(database.ID);
  const form = useForm<Values>({
    initialValues: { name: `${database.name}_copy`, views: true, collections: true, miniviews: false, profiles: false, subprofiles: false },
    validate: { name: (v) => (v.trim() ? null : t('nameRequired')) },
  });
  const v = form.getValues();
  function handleSubmit({ name, ...options }: Values) {
    const safe = {
      ...options,
      miniviews: options.miniviews && options.collections,
      subprofiles: options.subprofiles && options.collections && options.profiles,
    };
    copy.mutate(
      { name: name.trim(), options: safe },
      {
        onSuccess: ({ createdId }) => {
          notify(t('copied', { id: createdId ?? '?' }));
          onClose();
          if (createdId) void navigate(`/databases/${createdId}/profiles`);
        },
      },
    );
  }
  return (
    <AppModal opened={opened} onClose={onClose} title={t('copyTitle', { name: database.name })}>
      <form onSubmit={form.onSubmit(handleSubmit)}>
        <Stack>
          {copy.isError && (
            <Alert color="red" role="alert">
              {copy.error.message}
            </Alert>
          )}
          <TextInput label={t('copyName')} required {...form.getInputProps('name')} />
          <Text size="sm">{t('copyHint')}</Text>
          <Checkbox label={t('copyViews')} {...form.getInputProps('views', { type: 'checkbox' })} />
          <Checkbox label={t('copyCollections')} {...form.getInputProps('collections', { type: 'checkbox' })} />
          <Checkbox label={t('copyMiniviews')} disabled={!v.collections} {...form.getInputProps('miniviews', { type: 'checkbox' })} />
          <Checkbox label={t('copyProfiles')} {...form.getInputProps('profiles', { type: 'checkbox' })} />
          <Checkbox
            label={t('copySubprofiles')}
            disabled={!v.collections || !v.profiles}
            {...form.getInputProps('subprofiles', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={copy.isPending}>
              {t('copyAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
