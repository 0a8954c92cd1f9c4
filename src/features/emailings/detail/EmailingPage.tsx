import { Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type EmailingSystem, emailingQueries, isEmailingSystem } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { useSelectProfiles } from '../shared/useSelectProfiles';
import { AudiencePanel } from './AudiencePanel';
import { ContentPanel } from './ContentPanel';
import { DestinationsPanel } from './DestinationsPanel';
import { DominantChart } from './DominantChart';
import { EmailingHeader } from './EmailingHeader';
import { ErrorsPanel } from './ErrorsPanel';
import { KeyFigures } from './KeyFigures';
import { LinksPanel } from './LinksPanel';
import { RatesPanel } from './RatesPanel';
import { SplitRunPanel } from './SplitRunPanel';
import { TimelineChart } from './TimelineChart';

const TABS = ['overview', 'links', 'errors', 'audience', 'destinations', 'content'] as const;
type Tab = (typeof TABS)[number];

/** /emailings/:system/:emailingId — one campaign's statistics. Heavy breakdowns live in their own tabs. */
export function EmailingPage() {
  const { system, emailingId = '' } = useParams();
  const tc = useT(commonMessages);
  if (!isEmailingSystem(system)) return <Text>{tc('notFoundBody')}</Text>;
  return <EmailingStats system={system} id={emailingId} />;
}

function EmailingStats({ system, id }: { system: EmailingSystem; id: string }) {
  const t = useT(emailingMessages);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const emailing = useQuery(emailingQueries.detail(system, id));
  const stats = useQuery(emailingQueries.statistics(system, id));
  const selectUrl = useSelectProfiles(emailing.data);
  // The panels under the figures are a large tree: they first render in a transition, which React splits into
  // short slices, even when the figures are already cached (a skeleton shows until then).
  const shownStats = useDeferredValue(stats.data, undefined);

  if (emailing.isPending) return <Skeleton height={80} />;
  if (emailing.isError) return <QueryError error={emailing.error} onRetry={() => void emailing.refetch()} />;
  const e = emailing.data;
  const label: Record<Tab, string> = {
    overview: t('tabOverview'),
    links: t('tabLinks'),
    errors: t('tabErrors'),
    audience: t('tabAudience'),
    destinations: t('tabDestinations'),
    content: t('tabContent'),
  };
  const needsStats = (body: (s: NonNullable<typeof stats.data>) => React.ReactNode) =>
    stats.isError && !stats.data ? (
      <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
    ) : shownStats === undefined ? (
      <TableSkeleton rows={4} />
    ) : (
      body(shownStats)
    );

  return (
    <Stack>
      <EmailingHeader emailing={e} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {label[x]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          {needsStats((s) => (
            <Stack gap="lg" data-testid="emailing-overview">
              <KeyFigures emailing={e} stats={s} selectUrl={selectUrl} />
              <RatesPanel emailing={e} stats={s} />
              <DominantChart emailing={e} stats={s} selectUrl={selectUrl} />
              <TimelineChart emailing={e} />
              {e.system === 'publisher' && e.testgroups > 0 && <SplitRunPanel emailing={e} />}
            </Stack>
          ))}
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          {needsStats((s) => (
            <LinksPanel emailing={e} stats={s} selectUrl={selectUrl} />
          ))}
        </Tabs.Panel>
        <Tabs.Panel value="errors" pt="md">
          {needsStats((s) => (
            <ErrorsPanel emailing={e} stats={s} selectUrl={selectUrl} />
          ))}
        </Tabs.Panel>
        <Tabs.Panel value="audience" pt="md">
          {needsStats((s) => (
            <AudiencePanel emailing={e} stats={s} />
          ))}
        </Tabs.Panel>
        <Tabs.Panel value="destinations" pt="md">
          <DestinationsPanel emailing={e} />
        </Tabs.Panel>
        <Tabs.Panel value="content" pt="md">
          <ContentPanel emailing={e} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
