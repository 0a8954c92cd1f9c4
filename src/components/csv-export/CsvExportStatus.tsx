import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { csvExportMessages } from './messages';
import type { CsvDownload } from './use-csv-download';

/**
 * Where an export stands: a progress bar with rows so far (% once the total is known) and Cancel while
 * it runs; what happened once it ended. `doneText` says it in the caller's words ("15 profiles exported").
 */
export function CsvExportStatus({
  state,
  onCancel,
  doneText,
  compact = false,
}: {
  state: CsvDownload;
  onCancel: () => void;
  doneText: (count: number) => string;
  compact?: boolean;
}) {
  const t = useT(csvExportMessages);
  if (state.phase === 'idle') return null;
  if (state.phase === 'starting' || state.phase === 'running') {
    const rows = state.phase === 'running' ? state.rows : 0;
    const total = state.phase === 'running' ? state.total : undefined;
    const text =
      state.phase === 'starting' ? t('starting') : total !== undefined ? t('progress', { rows, total }) : t('progressUnknown', { rows });
    return (
      <Group gap="xs" wrap="nowrap" data-testid="export-progress">
        <Stack gap={4} style={{ flex: 1 }} miw={compact ? 140 : undefined}>
          <Progress value={total ? (rows / total) * 100 : 0} animated={total === undefined} aria-label={t('progressLabel')} />
          <Text size="xs" aria-live="polite">
            {text}
          </Text>
        </Stack>
        <Button size={compact ? 'compact-xs' : 'xs'} variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </Group>
    );
  }
  if (state.phase === 'done')
    return compact ? (
      <Text size="xs" c="dimmed" role="status">
        {doneText(state.count)}
      </Text>
    ) : (
      <Alert color="green" role="status">
        {doneText(state.count)}
      </Alert>
    );
  const [color, role, message] =
    state.phase === 'untracked'
      ? (['blue', 'status', t('untracked')] as const)
      : state.phase === 'cancelled'
        ? (['yellow', 'status', t('cancelled')] as const)
        : (['red', 'alert', t('failed', { message: state.message })] as const);
  return (
    <Alert color={color} role={role} p={compact ? 'xs' : undefined}>
      <Text size={compact ? 'xs' : 'sm'}>{message}</Text>
    </Alert>
  );
}
