import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import type { Paged } from '@/api/paging';
import { AppModal } from '@/components/AppModal';
import { useFormat, useT } from '@/i18n/i18n';
import { type IdChunk, isConfirmed, needsTypedConfirmation } from './bulk.utils';
import { bulkMessages } from './bulk-messages';
import { DryRunButton, TypedCountConfirmation } from './DryRunControls';
import { DryRunSample } from './DryRunSample';
import { type BulkNoun, RunProgress } from './RunProgress';
import { firstAssignment, SetFieldsEditor, toFieldMap } from './SetFieldsEditor';
import { type BulkSource, useBulkRun } from './use-bulk-run';

type Row = { ID: string; fields: Record<string, string> };

type Props = {
  title: string;
  /** What is counted and changed: decides the wording ("104 profiles match" / "12 subprofiles match"). */
  noun: BulkNoun;
  hint?: string;
  /** Given for an update: the fields the user may set. */
  setFields?: DatabaseField[];
  columns: string[];
  danger?: boolean;
  /** First page of matches with `total=true`. */
  dryRun: () => Promise<Paged<Row>>;
  source: BulkSource;
  /** One batch's request, with the values to write (empty unless `setFields`). */
  apply: (chunk: IdChunk, values: Record<string, string>) => Promise<unknown>;
  onClose: () => void;
};

/**
 * A bulk change of everything that matches a filter: dry run (count + sample) first, typed confirmation above
 * 100, then batches with progress and cancel. Profiles and collection subprofiles both use it.
 */
export function BulkChangeModal({ title, noun, hint, setFields, columns, danger, dryRun, source, apply, onClose }: Props) {
  const t = useT(bulkMessages);
  const fmt = useFormat();
  const [sets, setSets] = useState(() => (setFields ? firstAssignment(setFields) : []));
  const [typed, setTyped] = useState('');
  const check = useMutation({ mutationFn: dryRun, meta: { quiet: true } });
  const { run, start, cancel } = useBulkRun(source);
  const count = check.data?.total ?? 0;
  const busy = run.phase === 'collecting' || run.phase === 'running';
  const sub = noun === 'subprofile';
  const filter = source.filter;

  function handleRun() {
    const values = toFieldMap(sets);
    void start((chunk) => apply(chunk, values));
  }

  return (
    <AppModal opened onClose={busy ? () => {} : onClose} title={title} size="lg" closeOnClickOutside={!busy}>
      <Stack>
        <Text size="sm">{filter.length ? t('filterUsed', { filter: filter.join(' AND ') }) : sub ? t('subNoFilter') : t('noFilter')}</Text>
        {hint && <Text size="sm">{hint}</Text>}
        {setFields && <SetFieldsEditor fields={setFields} sets={sets} onChange={setSets} disabled={run.phase !== 'idle'} />}
        {run.phase === 'idle' && (
          <DryRunButton
            label={t('dryRun')}
            hint={t('dryRunHint')}
            onClick={() => check.mutate()}
            loading={check.isPending}
            disabled={Boolean(setFields) && sets.length === 0}
          />
        )}
        {check.isError && (
          <Alert color="red" role="alert">
            {check.error.message}
          </Alert>
        )}
        {check.data && (
          <Stack gap="xs">
            <Text fw={600} data-testid="bulk-count">
              {sub ? t('subMatches', { count }) : t('matches', { count })}
            </Text>
            <DryRunSample rows={check.data.data} columns={columns} />
            {run.phase === 'idle' && count > 0 && needsTypedConfirmation(count) && (
              <TypedCountConfirmation count={count} value={typed} onChange={setTyped} />
            )}
            {run.phase === 'idle' && count > 0 && (
              <Button color={danger ? 'red' : undefined} disabled={!isConfirmed(count, typed)} onClick={handleRun} w="fit-content">
                {sub ? t('subRun', { count: fmt.number(count) }) : t('run', { count: fmt.number(count) })}
              </Button>
            )}
          </Stack>
        )}
        <RunProgress run={run} noun={noun} onCancel={cancel} onClose={onClose} />
      </Stack>
    </AppModal>
  );
}
