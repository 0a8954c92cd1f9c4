import { Button, EmptyState, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type EventScope, type EventTimeFilter, type EventType, eventQueries } from '@/api/emailing-events';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { CsvExportButton } from '../shared/CsvExportButton';
import { PullPanel } from '../shared/PullPanel';
import { type EventMatch, matchEvents } from '../utils/format.utils';
import { dayAfter, dayStart } from '../utils/time.utils';
import { EventsTable } from './EventsTable';

const PAGE_SIZE = 100;

/**
 * One event list with the time filter the API supports (Publisher `fields[]=timestamp…`, MS
 * `begintime`/`endtime`), paged by the API. A property filter (`match`, e.g. one link) cannot be sent
 * to the API (§8), so then the whole list is read and filtered here.
 */
export function EventsList({
  scope,
  type,
  match,
  filename,
  databaseId,
}: {
  scope: EventScope;
  type: EventType;
  match?: EventMatch;
  filename: string;
  /** the emailing's database, for profile and subprofile links */
  databaseId?: string;
}) {
  const t = useT(emailingMessages);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<EventTimeFilter>({});
  const [start, setStart] = useState(0);

  return (
    <Stack>
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Group
          align="flex-end"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ begin: from ? dayStart(from) : undefined, end: to ? dayAfter(to) : undefined });
            setStart(0);
          }}
        >
          <TextInput type="date" label={t('timeFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('timeTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit" variant="default">
            {t('apply')}
          </Button>
        </Group>
        <CsvExportButton scope={scope} type={type} filter={filter} match={match} filename={filename} />
      </Group>
      {match ? (
        <>
          <Text size="sm" c="dimmed">
            {t('filterNeedsAll')}
          </Text>
          <PullPanel scope={scope} type={type} filter={filter} expected={0}>
            {(all) => <ClientPaged events={matchEvents(all, match)} system={scope.system} databaseId={databaseId} />}
          </PullPanel>
        </>
      ) : (
        <ApiPaged scope={scope} type={type} filter={filter} start={start} onStart={setStart} databaseId={databaseId} />
      )}
    </Stack>
  );
}

function ApiPaged({
  scope,
  type,
  filter,
  start,
  onStart,
  databaseId,
}: {
  scope: EventScope;
  type: EventType;
  filter: EventTimeFilter;
  start: number;
  onStart: (s: number) => void;
  databaseId?: string;
}) {
  const t = useT(emailingMessages);
  const page = useQuery(eventQueries.page(scope, type, filter, { start, limit: PAGE_SIZE }));
  if (page.isPending) return <TableSkeleton />;
  if (page.isError) return <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  if (page.data.count === 0 && start === 0) return <EmptyState title={t('noEvents')} />;
  return (
    <>
      <EventsTable events={page.data.data} system={scope.system} databaseId={databaseId} />
      <Pager start={start} limit={PAGE_SIZE} count={page.data.count} total={page.data.total} busy={page.isFetching} onChange={onStart} />
    </>
  );
}

function ClientPaged({
  events,
  system,
  databaseId,
}: {
  events: Parameters<typeof EventsTable>[0]['events'];
  system: EventScope['system'];
  databaseId?: string;
}) {
  const t = useT(emailingMessages);
  const [start, setStart] = useState(0);
  if (events.length === 0) return <EmptyState title={t('noEvents')} />;
  const page = events.slice(start, start + PAGE_SIZE);
  return (
    <>
      <EventsTable events={page} system={system} databaseId={databaseId} />
      <Pager start={start} limit={PAGE_SIZE} count={page.length} total={events.length} onChange={setStart} />
    </>
  );
}
