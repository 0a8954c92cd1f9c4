import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { EventScope, EventTimeFilter, EventType } from '@/api/emailing-events';
import { eventsExportUrl } from '@/api/exports';
import { CsvExportStatus } from '@/components/csv-export/CsvExportStatus';
import { useCsvDownload } from '@/components/csv-export/use-csv-download';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import type { EventMatch } from '../utils/format.utils';

/**
 * Exports the whole list (not just the visible page) as CSV: the gateway pages through the API and
 * streams the file to the browser's downloads, with the time filter and the property match applied.
 */
export function CsvExportButton({
  scope,
  type,
  filter,
  match,
  filename,
}: {
  scope: EventScope;
  type: EventType;
  filter?: EventTimeFilter;
  match?: EventMatch;
  /** the name the browser suggests (the gateway names the file the same way) */
  filename: string;
}) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const { state, start, cancel, busy } = useCsvDownload();

  return (
    <Group gap="xs" wrap="nowrap">
      {!busy && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={() => start((job) => eventsExportUrl(scope, type, filter, match, job), filename)}
          aria-label={t('exportAll', { type: tm(`type_${type}`) })}
        >
          {t('exportCsv')}
        </Button>
      )}
      <CsvExportStatus state={state} onCancel={cancel} doneText={(count) => t('exportDone', { count: fmt.number(count) })} compact />
    </Group>
  );
}
