import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormat, useT } from '@/i18n/i18n';
import { profileMessages } from './messages';
import { RecordActions, type RecordActionTarget } from './RecordActions';

/** Title, timestamps and actions of a profile or subprofile page. */
export function RecordHeader({
  title,
  created,
  modified,
  removed,
  record,
  actions,
}: {
  title: string;
  created?: string;
  modified: string;
  removed?: false | string;
  /** The page's record: offers "unsubscribe" and "delete" while it is not removed. */
  record?: RecordActionTarget;
  actions?: ReactNode;
}) {
  const t = useT(profileMessages);
  const fmt = useFormat();
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={2}>
        <Group gap="xs">
          <Title order={2}>{title}</Title>
          {removed && <Badge color="red.9">{t('removed', { at: fmt.dateTime(removed) })}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {created ? `${t('created', { at: fmt.dateTime(created) })} · ` : ''}
          <span data-testid="record-modified">{t('modified', { at: fmt.dateTime(modified) })}</span>
        </Text>
      </Stack>
      {(actions || (record && !removed)) && (
        <Group gap="xs">
          {actions}
          {record && !removed && <RecordActions record={record} />}
        </Group>
      )}
    </Group>
  );
}
