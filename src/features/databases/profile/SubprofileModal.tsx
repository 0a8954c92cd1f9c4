import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { AppModal } from '@/components/AppModal';
import { ModalFormActions } from '@/components/ModalFormActions';
import { useT } from '@/i18n/i18n';
import { changedFields } from '../fields/conflict.utils';
import { FieldValueInput } from '../fields/FieldValueInput';
import { invalidReason } from '../fields/field-values.utils';
import { recordMessages } from '../fields/messages';
import { profileMessages } from './messages';

/** Create or edit one subprofile's values (flat field map on the wire); the draft stays on error. */
export function SubprofileModal({
  title,
  fields,
  initial,
  onSave,
  onClose,
}: {
  title: string;
  fields: DatabaseField[];
  initial: Record<string, string>;
  onSave: (changed: Record<string, string>) => Promise<unknown>;
  onClose: () => void;
}) {
  const _t = useT(profileMessages);
  const tr = useT(recordMessages);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, initial[f.name] ?? ''])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = Object.fromEntries(fields.map((f) => [f.name, invalidReason(f, values[f.name] ?? '')]));
  const valid = Object.values(errors).every((e) => e === null);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!valid) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(changedFields(initial, values));
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => void handleSubmit(e)}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.map((f) => {
              const reason = errors[f.name];
              return (
                <FieldValueInput
                  key={f.ID}
                  field={f}
                  label={f.name}
                  value={values[f.name] ?? ''}
                  error={reason ? tr(reason) : null}
                  onChange={(v) => setValues((all) => ({ ...all, [f.name]: v }))}
                />
              );
            })}
          </SimpleGrid>
          <ModalFormActions onCancel={onClose} saving={saving} disabled={!valid} />
        </Stack>
      </form>
    </AppModal>
  );
}
