import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { EVENT_TYPES, type EventType } from '@/api/emailing-events';
import { pullQueries } from '@/api/emailing-pulls';
import type { EmailingSystem } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { StackedTable } from '@/components/StackedTable';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { eventDetail, mergeTimeline } from './timeline.utils';

const COLORS: Record<EventType, string> = {
  deliveries: 'gray',
  impressions: 'blue',
  clicks: 'teal',
  errors: 'red',
  unsubscribes: 'orange',
  abuses: 'grape',
};

/** Everything that happened to one message, from its six event lists (docs/api/emailings.md §8, destination scope). */
export function DestinationTimeline({ system, id }: { system: EmailingSystem; id: string }) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const lists = useQueries({ queries: EVENT_TYPES.map((type) => pullQueries.events({ kind: 'destination', system, id }, type)) });
  const failed = lists.find((l) => l.isError);
  const loading = lists.some((l) => l.isPending);
  const merged = loading ? [] : mergeTimeline(Object.fromEntries(EVENT_TYPES.map((type, i) => [type, lists[i]?.data ?? []])), EVENT_TYPES);

  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        {t('timeline')}
      </Title>
      {failed ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : loading ? (
        <TableSkeleton rows={4} />
      ) : merged.length === 0 ? (
        <Text size="sm">{t('noEvents')}</Text>
      ) : (
        <StackedTable striped data-testid="destination-timeline">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('time')}</Table.Th>
              <Table.Th>{t('eventType')}</Table.Th>
              <Table.Th>{t('details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {merged.map(({ type, event }) => (
              <Table.Tr key={`${type}-${event.ID}`} data-type={type}>
                <Table.Td>{String(event.timestamp)}</Table.Td>
                <Table.Td>
                  <Badge color={COLORS[type]} variant="dot">
                    {tm(`Type_${type}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {eventDetail(type, event)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
    </Card>
  );
}
