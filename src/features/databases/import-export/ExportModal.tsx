import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import Papa from 'papaparse';
import { useEffect, useRef, useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { fetchAll } from '@/api/paging';
import type { Profile } from '@/api/profiles';
import { AppModal } from '@/components/AppModal';
import { useT } from '@/i18n/i18n';
import { neutralizeFormula, profilesToRows } from './csv.utils';
import { downloadText } from './download';
import { importExportMessages } from './messages';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; fetched: number; total?: number }
  | { phase: 'done'; count: number; csv: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** Exports the whole filtered set: pages of 1000 by ID (fetchAll), a progress bar, and Cancel (AbortController). */
export function ExportModal({
  databaseId,
  fields,
  filter,
  total,
  onClose,
}: {
  databaseId: string;
  fields: DatabaseField[];
  filter: string[];
  total?: number;
  onClose: () => void;
}) {
  const t = useT(importExportMessages);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []); // closing the dialog stops the export
  const filename = `database-${databaseId}-profiles.csv`;

  async function handleStart() {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ phase: 'running', fetched: 0, total });
    try {
      const profiles = await fetchAll<Profile>(
        `database/${encodeURIComponent(databaseId)}/profiles`,
        { fields: filter, dataonly: true },
        { byId: true, signal: ctrl.signal, onProgress: (p) => setState({ phase: 'running', fetched: p.fetched, total: p.total ?? total }) },
      );
      const rows = profilesToRows(profiles, fields).map((r, i) => (i === 0 ? r : r.map(neutralizeFormula)));
      const csv = Papa.unparse(rows);
      downloadText(filename, csv);
      setState({ phase: 'done', count: profiles.length, csv });
    } catch (e) {
      setState(ctrl.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const running = state.phase === 'running';
  return (
    <AppModal opened onClose={running ? () => abort.current?.abort() : onClose} title={t('exportTitle')}>
      <Stack>
        <Text size="sm">{t('exportHint')}</Text>
        {total !== undefined && <Text fw={600}>{t('exportCount', { total })}</Text>}
        {state.phase === 'running' && (
          <>
            <Progress
              value={state.total ? (state.fetched / state.total) * 100 : 0}
              animated
              aria-label={
                state.total !== undefined
                  ? t('exporting', { fetched: state.fetched, total: state.total })
                  : t('exportingUnknown', { fetched: state.fetched })
              }
            />
            <Text size="sm" aria-live="polite" data-testid="export-progress">
              {state.total !== undefined
                ? t('exporting', { fetched: state.fetched, total: state.total })
                : t('exportingUnknown', { fetched: state.fetched })}
            </Text>
          </>
        )}
        {state.phase === 'done' && (
          <Alert color="green" role="status">
            {t('exportDone', { count: state.count })}
          </Alert>
        )}
        {state.phase === 'cancelled' && (
          <Alert color="yellow" role="status">
            {t('exportCancelled')}
          </Alert>
        )}
        {state.phase === 'failed' && (
          <Alert color="red" role="alert">
            {state.message}
          </Alert>
        )}
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={() => abort.current?.abort()}>
              {t('cancel')}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t('close')}
            </Button>
          )}
          {state.phase === 'done' && (
            <Button variant="default" onClick={() => downloadText(filename, state.csv)}>
              {t('download')}
            </Button>
          )}
          {!running && state.phase !== 'done' && <Button onClick={() => void handleStart()}>{t('start')}</Button>}
        </Group>
      </Stack>
    </AppModal>
  );
}
