import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { AppModal } from '@/components/AppModal';
import { ModalFormActions } from '@/components/ModalFormActions';
import { changedFields } from '../fields/conflict.utils';
import { FieldValuesGrid } from '../fields/FieldValuesGrid';
import { invalidReason } from '../fields/field-values.utils';

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
          <FieldValuesGrid
            cols={{ base: 1, sm: 2 }}
            fields={fields}
            valueFor={(f) => values[f.name] ?? ''}
            errors={errors}
            onChange={(name, v) => setValues((all) => ({ ...all, [name]: v }))}
          />
          <ModalFormActions onCancel={onClose} saving={saving} disabled={!valid} />
        </Stack>
      </form>
    </AppModal>
  );
}
