import { Alert, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Collection } from '@/api/databases';
import { WEBHOOK_TRIGGERS, type Webhook, type WebhookCaller, type WebhookInput } from '@/api/webhooks';
import { AppModal } from '@/components/AppModal';
import { ModalFormActions } from '@/components/ModalFormActions';
import { useT } from '@/i18n/i18n';
import { schemaMessages } from './messages';

type Values = { handler: string; trigger: string; callers: WebhookCaller[]; collection: string };

/** POST webhooks (scoped to this database, optionally one collection) or PUT webhook/$id. */
export function WebhookModal({
  title,
  webhook,
  databaseId,
  collections,
  onSave,
  onClose,
  saving,
  error,
}: {
  title: string;
  webhook?: Webhook;
  databaseId: string;
  collections: Collection[];
  onSave: (input: WebhookInput) => void;
  onClose: () => void;
  saving: boolean;
  error: Error | null;
}) {
  const t = useT(schemaMessages);
  const form = useForm<Values>({
    initialValues: {
      handler: webhook?.handler ?? 'https://',
      trigger: webhook?.trigger ?? 'update',
      callers: webhook?.callers ?? ['ms', 'publisher'],
      collection: webhook?.collection ? String(webhook.collection) : '',
    },
    validate: { handler: (v) => (/^https?:\/\/[^\s/]+/.test(v.trim()) ? null : t('handlerInvalid')) },
  });
  function handleSubmit(v: Values) {
    const base = { handler: v.handler.trim(), trigger: v.trigger, callers: v.callers };
    // Scope is set on create only (its change via PUT is not documented).
    onSave(webhook ? base : { ...base, database: databaseId, ...(v.collection ? { collection: v.collection } : {}) });
  }
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit(handleSubmit)}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label={t('handler')} type="url" required data-autofocus {...form.getInputProps('handler')} />
          <NativeSelect
            label={t('trigger')}
            data={WEBHOOK_TRIGGERS.map((value) => ({ value, label: t(`trigger_${value}`) }))}
            {...form.getInputProps('trigger')}
          />
          <Checkbox.Group label={t('callers')} {...form.getInputProps('callers')}>
            <Group mt={6}>
              <Checkbox value="ms" label="Marketing Suite (ms)" />
              <Checkbox value="publisher" label="Publisher" />
            </Group>
          </Checkbox.Group>
          {!webhook && (
            <NativeSelect
              label={t('scopeCollection')}
              data={[{ value: '', label: t('wholeDatabase') }, ...collections.map((c) => ({ value: c.ID, label: c.name }))]}
              {...form.getInputProps('collection')}
            />
          )}
          <ModalFormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </AppModal>
  );
}
