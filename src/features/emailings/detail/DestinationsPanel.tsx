import { Anchor, Checkbox, EmptyState, Group, Stack, Table, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type DestinationFilter, eventQueries } from '@/api/emailing-events';
import type { Emailing } from '@/api/emailings';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { StackedTable } from '@/components/StackedTable';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { destinationUrl } from '../utils/format.utils';
import { dayAfter, dayStart } from '../utils/time.utils';

const PAGE_SIZE = 50;

/** The emailing's destinations, paged by the API, filtered on `timestampsent` (and MS `Unsubscribed`), §6. */
export function DestinationsPanel({ emailing }: { emailing: Emailing }) {
  const t = useT(emailingMessages);
  const [start, setStart] = useState(0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [unsubscribedOnly, setUnsubscribedOnly] = useState(false);
  const filter: DestinationFilter = {
    sentFrom: from ? dayStart(from) : undefined,
    sentTo: to ? dayAfter(to) : undefined,
    unsubscribedOnly,
  };
  const page = useQuery(eventQueries.destinations(emailing.system, emailing.id, filter, { start, limit: PAGE_SIZE }));
  const change = (f: () => void) => {
    f();
    setStart(0);
  };

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('sentFilterFrom')} value={from} onChange={(e) => change(() => setFrom(e.currentTarget.value))} />
        <TextInput type="date" label={t('sentFilterTo')} value={to} onChange={(e) => change(() => setTo(e.currentTarget.value))} />
        {emailing.system === 'ms' && (
          <Checkbox
            label={t('unsubscribedOnly')}
            checked={unsubscribedOnly}
            onChange={(e) => change(() => setUnsubscribedOnly(e.currentTarget.checked))}
            mb={8}
          />
        )}
      </Group>
      {page.isPending ? (
        <TableSkeleton />
      ) : page.isError ? (
        <QueryError error={page.error} onRetry={() => void page.refetch()} />
      ) : page.data.count === 0 && start === 0 ? (
        <EmptyState title={t('noDestinations')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <StackedTable striped data-testid="destinations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('colDestination')}</Table.Th>
                  <Table.Th>{t('colTimestampSent')}</Table.Th>
                  <Table.Th>{t('colProfile')}</Table.Th>
                  <Table.Th>{t('colSubprofile')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.data.map((d) => (
                  <Table.Tr key={d.ID}>
                    <Table.Td>
                      {/* Publisher: link with the hash, never the sequential `internal` (§6). */}
                      <Anchor component={Link} to={destinationUrl(emailing.system, emailing.id, d.ID)} ff="monospace" size="sm">
                        {d.ID}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.timestampsent}</Table.Td>
                    <Table.Td>{d.profile ?? '—'}</Table.Td>
                    <Table.Td>{d.subprofile ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackedTable>
          </Table.ScrollContainer>
          <Pager
            start={start}
            limit={PAGE_SIZE}
            count={page.data.count}
            total={page.data.total}
            busy={page.isFetching}
            onChange={setStart}
          />
        </>
      )}
    </Stack>
  );
}
