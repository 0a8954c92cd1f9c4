import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { ConflictModal } from './ConflictModal';
import { changedFields } from './conflict.utils';
import { FieldValueInput } from './FieldValueInput';
import { invalidReason } from './field-values.utils';
import { recordMessages } from './messages';

export type RecordSnapshot = { modified: string; fields: Record<string, string> };

type Props = {
  fields: DatabaseField[];
  record: RecordSnapshot;
  /** Reads the record afresh (its `modified` and field values), bypassing caches. */
  fetchLatest: () => Promise<RecordSnapshot>;
  save: (changed: Record<string, string>) => Promise<unknown>;
  onDirtyChange?: (dirty: boolean) => void;
};

/**
 * The values of a profile or subprofile, one typed input per field. Before a PUT it re-reads the record:
 * if `modified` moved since the form was opened, the user sees both values and chooses.
 */
export function RecordFieldsForm({ fields, record, fetchLatest, save, onDirtyChange }: Props) {
  const t = useT(recordMessages);
  const notify = useNotify();
  const [base, setBase] = useState(record);
  const [busy, setBusy] = useState<'checking' | 'saving' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<RecordSnapshot | null>(null);
  const form = useForm<Record<string, string>>({
    initialValues: record.fields,
    validate: (values) =>
      Object.fromEntries(
        fields.flatMap((f) => {
          const reason = (values[f.name] ?? '') !== (base.fields[f.name] ?? '') ? invalidReason(f, values[f.name] ?? '') : null;
          return reason ? [[f.name, t(reason)]] : [];
        }),
      ),
  });
  const dirty = Object.keys(changedFields(base.fields, form.getValues())).length > 0;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // A refetch brings new server values: adopt them unless the user is editing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the server record changes
  useEffect(() => {
    if (record.modified === base.modified && record.fields === base.fields) return;
    if (!dirty) {
      setBase(record);
      form.setInitialValues(record.fields);
      form.setValues(record.fields);
    }
  }, [record]);

  async function write(changed: Record<string, string>) {
    setBusy('saving');
    const submitted = form.getValues();
    try {
      await save(changed);
      const next = await fetchLatest();
      setBase(next);
      form.setInitialValues(next.fields);
      // Take the server's (normalised) values, except where the user typed again while this save ran.
      form.setValues(keepNewerEdits(next.fields, submitted, form.getValues()));
      notify(t('saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e)); // the draft stays
    } finally {
      setBusy(null);
    }
  }

  async function handleSubmit(values: Record<string, string>) {
    setError(null);
    const changed = changedFields(base.fields, values);
    if (Object.keys(changed).length === 0) return;
    setBusy('checking');
    try {
      const latest = await fetchLatest();
      if (latest.modified !== base.modified) {
        setConflict(latest);
        setBusy(null);
        return;
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(null);
      return;
    }
    await write(changed);
  }

  useHotkeys([['mod+S', () => form.onSubmit(handleSubmit)()]], []);

  if (fields.length === 0) return <Text c="dimmed">{t('noFields')}</Text>;
  return (
    <form onSubmit={form.onSubmit(handleSubmit)} aria-label={t('fields')}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {fields.map((f) => (
            <FieldValueInput
              key={f.ID}
              field={f}
              label={f.name}
              value={form.getValues()[f.name] ?? ''}
              error={form.errors[f.name] as string | undefined}
              onChange={(v) => form.setFieldValue(f.name, v)}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy !== null} disabled={!dirty}>
            {t('save')}
          </Button>
          <Button variant="default" disabled={!dirty || busy !== null} onClick={() => form.setValues(base.fields)}>
            {t('reset')}
          </Button>
          {busy === 'checking' && (
            <Text size="sm" c="dimmed">
              {t('checking')}
            </Text>
          )}
        </Group>
      </Stack>
      {conflict && (
        <ConflictModal
          base={base}
          mine={form.getValues()}
          theirs={conflict}
          onKeepMine={() => {
            const changed = changedFields(base.fields, form.getValues());
            setBase(conflict);
            setConflict(null);
            void write(changed);
          }}
          onTakeTheirs={() => {
            setBase(conflict);
            form.setInitialValues(conflict.fields);
            form.setValues(conflict.fields);
            setConflict(null);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </form>
  );
}

/** Server values, but a field the user changed after submitting keeps the user's newer value. */
export function keepNewerEdits(server: Record<string, string>, submitted: Record<string, string>, current: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(server).map(([name, value]) => [name, current[name] !== submitted[name] ? (current[name] ?? value) : value]),
  );
}
