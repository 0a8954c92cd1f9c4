import { Alert, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AppModal } from '@/components/AppModal';
import { ModalFormActions } from '@/components/ModalFormActions';
import { useT } from '@/i18n/i18n';
import { schemaMessages } from './messages';

export type NameValues = { name: string; second: string };

/** Small create/rename dialog: a name, and optionally one more text (group or description). */
export function NameModal({
  title,
  initial,
  secondLabel,
  nameHint,
  validateName,
  onSave,
  onClose,
  saving,
  error,
}: {
  title: string;
  initial: NameValues;
  secondLabel?: string;
  nameHint?: string;
  validateName?: (name: string) => string | null;
  onSave: (v: NameValues) => void;
  onClose: () => void;
  saving: boolean;
  error: Error | null;
}) {
  const t = useT(schemaMessages);
  const form = useForm<NameValues>({
    initialValues: initial,
    validate: { name: (v) => (v.trim() ? (validateName?.(v.trim()) ?? null) : t('name')) },
  });
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit((v) => onSave({ name: v.name.trim(), second: v.second.trim() }))}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label={t('name')} description={nameHint} required data-autofocus {...form.getInputProps('name')} />
          {secondLabel && <TextInput label={secondLabel} {...form.getInputProps('second')} />}
          <ModalFormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </AppModal>
  );
}
