import { Button, Group, Progress, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EventScope, EventTimeFilter, EventType } from '@/api/emailing-events';
import { pullQueries, usePullProgress } from '@/api/emailing-pulls';
import { QueryError } from '@/components/QueryError';
import { commonMessages } from '@/i18n/common';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { toCsv } from '../utils/csv.utils';
import { type EventMatch, matchEvents } from '../utils/format.utils';

function download(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${content}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the whole list (not just the visible page) as CSV; reuses a pull that is already cached. */
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
  filename: string;
}) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const tc = useT(commonMessages);
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const options = pullQueries.events(scope, type, filter);
  const progress = usePullProgress(options.queryKey);
  const [state, setState] = useState<{ running: boolean; error?: unknown; done?: number }>({ running: false });

  async function handleExport() {
    setState({ running: true });
    try {
      const events = matchEvents(await queryClient.fetchQuery(options), match);
      download(filename, toCsv(events));
      setState({ running: false, done: events.length });
    } catch (error) {
      // A cancel rejects with a CancelledError: that is not a failure to report.
      setState({ running: false, error: (error as { name?: string }).name === 'CancelledError' ? undefined : error });
    }
  }

  if (state.running) {
    const total = progress?.total ?? 0;
    const fetched = progress?.fetched ?? 0;
    return (
      <Group gap="xs" wrap="nowrap" miw={260}>
        <Progress value={total ? (fetched / total) * 100 : 0} w={120} aria-label={t('exporting', { fetched, total })} />
        <Text size="xs" aria-live="polite">
          {t('exporting', { fetched: fmt.number(fetched), total: fmt.number(total) })}
        </Text>
        <Button size="compact-xs" variant="default" onClick={() => void queryClient.cancelQueries({ queryKey: options.queryKey })}>
          {tc('cancel')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} aria-hidden />}
        onClick={() => void handleExport()}
        aria-label={t('exportAll', { type: tm(`type_${type}`) })}
      >
        {t('exportCsv')}
      </Button>
      {state.done !== undefined && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('exportDone', { count: fmt.number(state.done) })}
        </Text>
      )}
      {state.error !== undefined && <QueryError error={state.error} />}
    </Group>
  );
}
