import { Alert, Button, Group, Progress, Text } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { bulkMessages } from './bulk-messages';
import type { BulkRun } from './use-bulk-run';

/** What a batch job changes, for its wording. */
export type BulkNoun = 'profile' | 'subprofile';

/** Progress of a batch job, with Cancel while it runs and Close once it ended. */
export function RunProgress({
  run,
  noun = 'profile',
  onCancel,
  onClose,
}: {
  run: BulkRun;
  noun?: BulkNoun;
  onCancel: () => void;
  onClose: () => void;
}) {
  const t = useT(bulkMessages);
  if (run.phase === 'idle') return null;
  if (run.phase === 'collecting' || run.phase === 'running') {
    const value = run.phase === 'running' && run.total ? (run.done / run.total) * 100 : 0;
    const label =
      run.phase === 'collecting'
        ? t(noun === 'subprofile' ? 'subCollecting' : 'collecting', { fetched: run.fetched })
        : t('progress', { done: run.done, total: run.total });
    return (
      <Group align="center" wrap="nowrap">
        <Progress value={value} animated style={{ flex: 1 }} aria-label={label} />
        <Text size="sm" aria-live="polite">
          {label}
        </Text>
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </Group>
    );
  }
  const message =
    run.phase === 'finished'
      ? t(noun === 'subprofile' ? 'subFinished' : 'finished', { done: run.done })
      : run.phase === 'cancelled'
        ? t('cancelled', { done: run.done, total: run.total })
        : t('failed', { message: run.message });
  return (
    <Alert color={run.phase === 'finished' ? 'green' : run.phase === 'failed' ? 'red' : 'yellow'} role="status">
      <Group justify="space-between">
        <Text size="sm" data-testid="bulk-result">
          {message}
        </Text>
        <Button size="xs" variant="default" onClick={onClose}>
          {t('close')}
        </Button>
      </Group>
    </Alert>
  );
}
