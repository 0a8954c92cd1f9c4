import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/api/client';
import type { DatabaseField } from '@/api/databases';
import { registerDraft, takeStashedDraft } from '@/api/drafts';
import { ownWriteMark } from '@/api/own-writes';
import { useSafeMutation } from '@/api/write-guard';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { ConflictModal } from './ConflictModal';
import { changedFields } from './conflict.utils';
import { FieldValueInput } from './FieldValueInput';
import { invalidReason } from './field-values.utils';
import { recordMessages } from './messages';
import { type RecordSnapshot, type SaveOutcome, saveRecord } from './save-record';

export type { RecordSnapshot } from './save-record';

type Props = {
  fields: DatabaseField[];
  record: RecordSnapshot;
  /** Names the record for the own-writes memory and the draft kept across sign-in, e.g. `profile:7`. */
  recordKey: string;
  /** Reads the record afresh (its `modified` and field values), bypassing caches. */
  fetchLatest: () => Promise<RecordSnapshot>;
  save: (changed: Record<string, string>) => Promise<unknown>;
  onDirtyChange?: (dirty: boolean) => void;
};

/**
 * The values of a profile or subprofile, one typed input per field. A save is one guarded write (never two at
 * once, waits while offline): it re-reads the record first, and if `modified` moved because of someone else
 * (not this user's own earlier writes) the user sees both values and chooses.
 */
export function RecordFieldsForm({ fields, record, recordKey, fetchLatest, save, onDirtyChange }: Props) {
  const t = useT(recordMessages);
  const notify = useNotify();
  const [restored] = useState(() => takeStashedDraft(recordKey));
  const [base, setBase] = useState<RecordSnapshot>(restored?.base ?? record);
  const mark = useRef(ownWriteMark());
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(restored ? t('draftRestored') : null);
  const [conflict, setConflict] = useState<RecordSnapshot | null>(null);
  const form = useForm<Record<string, string>>({
    initialValues: restored?.values ?? record.fields,
    validate: (values) =>
      Object.fromEntries(
        fields.flatMap((f) => {
          const reason = (values[f.name] ?? '') !== (base.fields[f.name] ?? '') ? invalidReason(f, values[f.name] ?? '') : null;
          return reason ? [[f.name, t(reason)]] : [];
        }),
      ),
  });
  const saving = useSafeMutation({ mutationFn: saveRecord, meta: { quiet: true } });
  const dirty = Object.keys(changedFields(base.fields, form.getValues())).length > 0;
  useEffect(() => onDirtyChange?.(dirty || saving.busy), [dirty, saving.busy, onDirtyChange]);

  // While there are unsaved edits, a sign-in that leaves the page can keep them (see src/api/drafts.ts).
  useEffect(() => {
    if (!dirty) return;
    return registerDraft(recordKey, () => ({ key: recordKey, base, values: form.getValues() }));
  }, [dirty, recordKey, base, form]);

  function adopt(next: RecordSnapshot, markOfNext: number) {
    setBase(next);
    mark.current = markOfNext;
    form.setInitialValues(next.fields);
  }

  // A refetch brings new server values: adopt them unless the user is editing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the server record changes
  useEffect(() => {
    if (record.modified === base.modified && record.fields === base.fields) return;
    if (!dirty && !saving.busy) {
      adopt(record, ownWriteMark());
      form.setValues(record.fields);
    }
  }, [record]);

  function run(keepMine?: Record<string, string>) {
    setError(null);
    setInfo(null);
    const submitted = form.getValues();
    saving.submit(
      { recordKey, fetchLatest, save, values: submitted, base, mark: mark.current, keepMine },
      {
        onSuccess: (outcome: SaveOutcome) => {
          if (outcome.kind === 'conflict') {
            setConflict(outcome.latest);
            return;
          }
          adopt(outcome.next, outcome.mark);
          // Take the server's (normalised) values, except where the user typed again while this save ran.
          form.setValues(keepNewerEdits(outcome.next.fields, submitted, form.getValues()));
          if (outcome.kind === 'saved') notify(t('saved'));
          else setInfo(t('ownWriteSaved'));
        },
        // The draft stays; a 401 is explained by the sign-in dialog.
        onError: (e) => setError(e instanceof ApiError && e.status === 401 ? null : e.message),
      },
    );
  }

  function handleSubmit(values: Record<string, string>) {
    if (Object.keys(changedFields(base.fields, values)).length === 0) return;
    run();
  }

  // The write guard ignores a second Ctrl+S while a save is in flight.
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
        {info && (
          <Alert color="blue" role="status" withCloseButton closeButtonLabel={t('cancel')} onClose={() => setInfo(null)}>
            {info}
          </Alert>
        )}
        {saving.waiting && (
          <Alert color="yellow" role="status">
            {t('waiting')}
          </Alert>
        )}
        {/* Locked, never cleared, while the save waits for the connection. */}
        <Fieldset disabled={saving.waiting} variant="unstyled" p={0}>
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
        </Fieldset>
        <Group>
          <Button type="submit" loading={saving.busy} disabled={!dirty}>
            {t('save')}
          </Button>
          <Button variant="default" disabled={!dirty || saving.busy} onClick={() => form.setValues(base.fields)}>
            {t('reset')}
          </Button>
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
            run(changed);
          }}
          onTakeTheirs={() => {
            adopt(conflict, ownWriteMark());
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
