import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EVENT_TYPES, eventQueries } from '@/api/emailing-events';
import { type EmailingSystem, emailingQueries, isEmailingSystem } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { commonMessages } from '@/i18n/common';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { DestinationTimeline } from './DestinationTimeline';
import { Recipient } from './Recipient';

/** /emailings/:system/:emailingId/destinations/:destinationId — one message and everything that happened to it. */
export function DestinationPage() {
  const { system, emailingId = '', destinationId = '' } = useParams();
  const tc = useT(commonMessages);
  if (!isEmailingSystem(system)) return <Text>{tc('notFoundBody')}</Text>;
  return <Destination system={system} emailingId={emailingId} id={destinationId} />;
}

function Destination({ system, emailingId, id }: { system: EmailingSystem; emailingId: string; id: string }) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const emailing = useQuery(emailingQueries.detail(system, emailingId));
  const destination = useQuery(eventQueries.destination(system, id));
  const stats = useQuery(eventQueries.destinationStatistics(system, id));
  const subject = emailing.data?.subject || emailingId;

  return (
    <Stack>
      <Anchor component={Link} to={`/emailings/${system}/${encodeURIComponent(emailingId)}?tab=destinations`} size="sm">
        ← {subject}
      </Anchor>
      <Title order={1} style={{ wordBreak: 'break-all' }}>
        {t('destinationTitle', { id })}
      </Title>
      <Text c="dimmed">{t('destinationOf', { subject })}</Text>
      {destination.isPending ? (
        <TableSkeleton rows={3} />
      ) : destination.isError ? (
        <QueryError error={destination.error} onRetry={() => void destination.refetch()} />
      ) : (
        <Group gap="xl" data-testid="destination-facts">
          <Text size="sm">
            {t('colTimestampSent')}: {destination.data.timestampsent}
          </Text>
          <Text size="sm">
            {t('colProfile')}: {destination.data.profile ?? '—'}
          </Text>
          {destination.data.subprofile && (
            <Text size="sm">
              {t('colSubprofile')}: {destination.data.subprofile}
            </Text>
          )}
          {destination.data.internal && (
            <Text size="sm">
              {t('internal')}: {destination.data.internal}
            </Text>
          )}
          {destination.data.messageID && (
            <Text size="sm">
              {t('messageId')}: {destination.data.messageID}
            </Text>
          )}
        </Group>
      )}
      {destination.isSuccess && <Recipient emailing={emailing.data} destination={destination.data} />}
      {stats.isSuccess && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {EVENT_TYPES.map((type) => (
            <Card key={type} withBorder padding="xs" data-testid={`destination-stat-${type}`}>
              <Text size="xs" c="dimmed">
                {tm(`Type_${type}`)}
              </Text>
              <Text fw={700} data-testid="destination-stat-value">
                {fmt.number(Number(stats.data[type]?.total ?? 0))}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {stats.isError && <QueryError error={stats.error} />}
      <DestinationTimeline system={system} id={id} />
    </Stack>
  );
}
