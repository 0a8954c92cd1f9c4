import { Alert, Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { DatabaseField } from '@/api/databases';
import { AppModal } from '@/components/AppModal';
import { ModalFormActions } from '@/components/ModalFormActions';
import { useT } from '@/i18n/i18n';
import { canIndex, type FieldDraft, fieldNameProblem, hasLength, hasTextlines, isNumeric, toFieldPayload } from './field-definition.utils';
import { schemaMessages } from './messages';

/** Create or edit a database/collection field with every property its type uses. */
export function FieldDefinitionModal({
  title,
  initial,
  types,
  others,
  onSave,
  onClose,
  saving,
  error,
}: {
  title: string;
  initial: FieldDraft;
  types: readonly string[];
  others: DatabaseField[];
  onSave: (payload: ReturnType<typeof toFieldPayload>) => void;
  onClose: () => void;
  saving: boolean;
  error: Error | null;
}) {
  const t = useT(schemaMessages);
  const form = useForm<FieldDraft>({
    initialValues: initial,
    validate: {
      name: (v) => (fieldNameProblem(v.trim(), others) ? t('nameRule') : null),
      value: (v, all) => (isNumeric(all.type) && v.trim() !== '' && !/^-?\d+(\.\d+)?$/.test(v.trim()) ? t('numericDefault') : null),
    },
  });
  const type = form.getValues().type;
  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit((v) => onSave(toFieldPayload(v)))}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('name')} description={t('nameRule')} required data-autofocus {...form.getInputProps('name')} />
            <NativeSelect label={t('type')} data={[...types]} {...form.getInputProps('type')} />
          </SimpleGrid>
          {type === 'select' ? (
            <Textarea label={t('choices')} autosize minRows={3} {...form.getInputProps('value')} />
          ) : (
            <TextInput label={t('defaultValue')} {...form.getInputProps('value')} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {hasLength(type) && <TextInput type="number" min={1} label={t('length')} {...form.getInputProps('length')} />}
            {hasTextlines(type) && <TextInput type="number" min={1} label={t('textlines')} {...form.getInputProps('textlines')} />}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox label={t('displayed')} {...form.getInputProps('displayed', { type: 'checkbox' })} />
            <Checkbox label={t('ordered')} {...form.getInputProps('ordered', { type: 'checkbox' })} />
            <Checkbox label={t('hidden')} {...form.getInputProps('hidden', { type: 'checkbox' })} />
            <Checkbox label={t('index')} disabled={!canIndex(type)} {...form.getInputProps('index', { type: 'checkbox' })} />
            <Checkbox label={t('lock')} description={t('lockNote')} {...form.getInputProps('lock', { type: 'checkbox' })} />
          </SimpleGrid>
          <ModalFormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </AppModal>
  );
}
