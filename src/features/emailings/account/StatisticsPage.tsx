import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { pullQueries } from '@/api/emailing-pulls';
import { EMAILING_SYSTEMS, emailingQueries } from '@/api/emailings';
import { fetchQueryOnce } from '@/api/query-data';
import { ProgressWithCancel } from '@/components/ProgressWithCancel';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { mapWithConcurrency } from '@/lib/concurrency';
import { IncludeTestsSwitch } from '../shared/IncludeTestsSwitch';
import { accountMessages } from './messages';
import type { EmailingWithStats } from './overview.utils';
import { PeriodOverview } from './PeriodOverview';
import { periodFilter, periodFromParams } from './period';
import { StatisticsNav } from './StatisticsNav';

/** Copernica has no account-wide statistics endpoint (§7.4): one call per emailing, at most 4 at a time. */
const CONCURRENCY = 4;

/** /statistics — all emailings of both systems sent in a period, with Copernica's key figures. */
export function StatisticsPage() {
  const t = useT(accountMessages);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { from, to, includeTests } = periodFromParams(params);
  const [draft, setDraft] = useState({ from, to });
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [stopped, setStopped] = useState(false);
  const queryKey = ['account-overview', from, to, includeTests] as const;

  const overview = useQuery({
    queryKey,
    enabled: !stopped,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<EmailingWithStats[]> => {
      const filter = periodFilter(from, to, includeTests);
      const lists = await Promise.all(EMAILING_SYSTEMS.map((system) => fetchQueryOnce(queryClient, pullQueries.emailings(system, filter))));
      const emailings = lists.flat();
      setProgress({ done: 0, total: emailings.length });
      const stats = await mapWithConcurrency(
        emailings,
        CONCURRENCY,
        (e) => queryClient.fetchQuery(emailingQueries.statistics(e.system, e.id)),
        {
          signal,
          onDone: (done) => setProgress({ done, total: emailings.length }),
        },
      );
      return emailings.map((emailing, i) => ({ emailing, stats: stats[i] as EmailingWithStats['stats'] }));
    },
  });

  // The overview is a large tree: it renders in a transition, which React splits into short slices (the
  // progress stays until then).
  const shown = useDeferredValue(overview.data, undefined);

  return (
    <Stack>
      <StatisticsNav />
      <Group
        component="form"
        align="flex-end"
        aria-label={t('period')}
        onSubmit={(e) => {
          e.preventDefault();
          setStopped(false);
          setParams({ from: draft.from, to: draft.to, ...(includeTests ? { tests: 'include' } : {}) });
        }}
      >
        <TextInput type="date" label={t('from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        <TextInput type="date" label={t('to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        <Button type="submit">{t('apply')}</Button>
        <IncludeTestsSwitch
          checked={includeTests}
          onChange={(include) => {
            setStopped(false);
            setParams({ from, to, ...(include ? { tests: 'include' } : {}) });
          }}
        />
      </Group>
      {shown ? (
        shown.length === 0 ? (
          <Text>{t('noEmailings')}</Text>
        ) : (
          <PeriodOverview items={shown} from={from} to={to} />
        )
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : stopped ? (
        <Group>
          <Text>{t('stopped')}</Text>
          <Button variant="default" onClick={() => setStopped(false)}>
            {t('start')}
          </Button>
        </Group>
      ) : (
        <Stack gap="xs" aria-busy="true">
          <ProgressWithCancel
            done={progress?.done ?? 0}
            total={progress?.total}
            label={t('loadingEmailings')}
            status={progress ? t('loadingStats', { done: progress.done, total: progress.total }) : t('loadingEmailings')}
            onCancel={() => {
              void queryClient.cancelQueries({ queryKey });
              setStopped(true);
            }}
          />
          <TableSkeleton rows={4} />
        </Stack>
      )}
    </Stack>
  );
}
