import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useApplyUnsubscribe } from '@/api/unsubscribe';
import { useNotify } from '@/components/notify';
import { useFormat, useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

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
  record?: { kind: 'profile' | 'subprofile'; id: string; onDelete: () => void };
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
          {record && !removed && <RecordActions {...record} />}
        </Group>
      )}
    </Group>
  );
}

export function DangerButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <Button color="red" variant="light" onClick={onClick}>
      {children}
    </Button>
  );
}

/** Unsubscribe (runs the database's or collection's unsubscribe behaviour) and delete, for one record. */
function RecordActions({ kind, id, onDelete }: { kind: 'profile' | 'subprofile'; id: string; onDelete: () => void }) {
  const t = useT(profileMessages);
  const notify = useNotify();
  const unsubscribe = useApplyUnsubscribe();
  return (
    <>
      <Button
        variant="default"
        loading={unsubscribe.isPending}
        onClick={() => unsubscribe.mutate({ kind, id }, { onSuccess: () => notify(t('unsubscribed')) })}
      >
        {t('unsubscribe')}
      </Button>
      <DangerButton onClick={onDelete}>{t('delete')}</DangerButton>
    </>
  );
}
