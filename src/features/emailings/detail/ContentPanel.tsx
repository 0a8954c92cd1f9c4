import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { destinationHtmlQuery, eventQueries } from '@/api/emailing-events';
import { type Emailing, emailingQueries } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { ClickMap } from './click-map/ClickMap';

/**
 * What was sent: subject and sender from the snapshot (§5.1), and the HTML of one delivered message with
 * the click map over it (the HTML only ever in a sandboxed frame, see EmailFrame).
 */
export function ContentPanel({ emailing }: { emailing: Emailing }) {
  const t = useT(emailingMessages);
  const snapshot = useQuery(emailingQueries.snapshot(emailing.system, emailing.id));
  const first = useQuery(eventQueries.destinations(emailing.system, emailing.id, {}, { start: 0, limit: 1 }));
  const destinationId = first.data?.data[0]?.ID;
  const html = useQuery({ ...destinationHtmlQuery(emailing.system, destinationId ?? ''), enabled: !!destinationId });

  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('snapshot')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('snapshotHint')}
        </Text>
        {snapshot.isPending ? (
          <TableSkeleton rows={3} />
        ) : snapshot.isError ? (
          <QueryError error={snapshot.error} onRetry={() => void snapshot.refetch()} />
        ) : (
          <Stack gap={4} data-testid="snapshot">
            <Group gap="xs">
              <Text fw={600}>{t('subject')}:</Text>
              <Text data-testid="snapshot-subject">{snapshot.data.subject}</Text>
            </Group>
            <Group gap="xs">
              <Text fw={600}>{t('fromLabel')}:</Text>
              <Text data-testid="snapshot-from">
                {snapshot.data.from.name ? `${snapshot.data.from.name} <${snapshot.data.from.email}>` : snapshot.data.from.email}
              </Text>
            </Group>
            {snapshot.data.name && (
              <Group gap="xs">
                <Text fw={600}>{t('name')}:</Text>
                <Text>{snapshot.data.name}</Text>
              </Group>
            )}
          </Stack>
        )}
      </Card>
      <Card withBorder>
        {first.isPending || (destinationId && html.isPending) ? (
          <TableSkeleton rows={4} />
        ) : first.isError ? (
          <QueryError error={first.error} />
        ) : !destinationId ? (
          <Text size="sm">{t('noHtml')}</Text>
        ) : html.isError ? (
          <QueryError error={html.error} onRetry={() => void html.refetch()} />
        ) : (
          <>
            <Text size="sm" mb="xs">
              {t('htmlOf', { id: destinationId })}
            </Text>
            <ClickMap emailing={emailing} html={html.data ?? ''} />
          </>
        )}
      </Card>
    </Stack>
  );
}
