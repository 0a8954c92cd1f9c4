import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { profilesExportUrl } from '@/api/exports';
import { AppModal } from '@/components/AppModal';
import { CsvExportStatus } from '@/components/csv-export/CsvExportStatus';
import { useCsvDownload } from '@/components/csv-export/use-csv-download';
import { useT } from '@/i18n/i18n';
import { importExportMessages } from './messages';

/**
 * Exports the whole filtered set. The gateway pages through the API by ID and streams the CSV; the
 * browser saves it as a download, so a million profiles never sit in the page. Progress and Cancel
 * follow the gateway's export job.
 */
export function ExportModal({
  databaseId,
  filter,
  total,
  onClose,
}: {
  databaseId: string;
  filter: string[];
  total?: number;
  onClose: () => void;
}) {
  const t = useT(importExportMessages);
  const { state, start, cancel, busy } = useCsvDownload();
  // closing the dialog while the export runs stops it (the dialog is the only place to follow it)
  const busyRef = useRef(busy);
  busyRef.current = busy;
  useEffect(() => () => (busyRef.current ? cancel() : undefined), [cancel]);

  return (
    <AppModal opened onClose={busy ? cancel : onClose} title={t('exportTitle')}>
      <Stack>
        <Text size="sm">{t('exportHint')}</Text>
        {total !== undefined && <Text fw={600}>{t('exportCount', { total })}</Text>}
        <CsvExportStatus state={state} onCancel={cancel} doneText={(count) => t('exportDone', { count })} />
        {!busy && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('close')}
            </Button>
            <Button onClick={() => start((job) => profilesExportUrl(databaseId, filter, job))}>
              {state.phase === 'idle' ? t('start') : t('download')}
            </Button>
          </Group>
        )}
      </Stack>
    </AppModal>
  );
}
