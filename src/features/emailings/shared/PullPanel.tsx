import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { EmailingEvent, EventScope, EventTimeFilter, EventType } from '@/api/emailing-events';
import { pullQueries, usePullProgress } from '@/api/emailing-pulls';
import { QueryError } from '@/components/QueryError';
import { commonMessages } from '@/i18n/common';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';

/** Lists up to this size are read without asking; bigger ones wait for a click (huge emailings). */
export const AUTO_PULL_LIMIT = 20_000;

/**
 * Reads a whole event list (cached, shared with the CSV export), with progress and Cancel, then hands
 * it to `children`. `expected` (from the statistics) decides whether to start on its own.
 */
export function PullPanel({
  scope,
  type,
  filter,
  expected,
  children,
}: {
  scope: EventScope;
  type: EventType;
  filter?: EventTimeFilter;
  expected: number;
  children: (events: EmailingEvent[]) => ReactNode;
}) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const tc = useT(commonMessages);
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const options = pullQueries.events(scope, type, filter);
  const [started, setStarted] = useState(expected <= AUTO_PULL_LIMIT);
  const [cancelled, setCancelled] = useState(false);
  const pull = useQuery({ ...options, enabled: started });
  const progress = usePullProgress(options.queryKey);
  const hasData = pull.data !== undefined;

  if (hasData) return <>{children(pull.data)}</>;
  if (pull.isError && started) return <QueryError error={pull.error} onRetry={() => void pull.refetch()} />;
  if (!started || pull.fetchStatus === 'idle') {
    return (
      <Stack gap="xs" align="flex-start">
        {cancelled && <Text size="sm">{t('cancelled')}</Text>}
        <Text size="sm" c="dimmed">
          {t('analyseHint', { pages: Math.max(1, Math.ceil(expected / 1000)) })}
        </Text>
        <Button
          size="xs"
          onClick={() => {
            setCancelled(false);
            setStarted(true);
            void pull.refetch();
          }}
        >
          {t('analyse', { type: tm(`type_${type}`), count: fmt.number(expected) })}
        </Button>
      </Stack>
    );
  }
  const total = progress?.total ?? expected;
  const fetched = progress?.fetched ?? 0;
  return (
    <Stack gap="xs">
      <Progress value={total ? (fetched / total) * 100 : 0} aria-label={t('pulling', { fetched, total })} animated />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {total
            ? t('pulling', { fetched: fmt.number(fetched), total: fmt.number(total) })
            : t('pullingUnknown', { fetched: fmt.number(fetched) })}
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            void queryClient.cancelQueries({ queryKey: options.queryKey });
            setStarted(false);
            setCancelled(true);
          }}
        >
          {tc('cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
