import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unsubscribeBehaviorQuery, useApplyUnsubscribe } from '@/api/unsubscribe';
import { AppModal } from '@/components/AppModal';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useUnsubscribeWording } from './effect';

export type UnsubscribeRecord =
  | { kind: 'profile'; id: string; databaseId: string }
  | { kind: 'subprofile'; id: string; collectionId: string };

/**
 * Asks before PUT profile|subprofile/$id/unsubscribe, saying what this database's or collection's behaviour
 * will do to the record (docs/api/databases.md §5). Without a readable behaviour there is nothing to confirm.
 */
export function ConfirmUnsubscribeModal({ record, onClose }: { record: UnsubscribeRecord; onClose: () => void }) {
  const w = useUnsubscribeWording();
  const what = w.t(record.kind === 'profile' ? 'profileLabel' : 'subprofileLabel', { id: record.id });
  const notify = useNotify();
  const behavior = useQuery(
    unsubscribeBehaviorQuery(
      record.kind === 'profile' ? { kind: 'database', id: record.databaseId } : { kind: 'collection', id: record.collectionId },
    ),
  );
  const apply = useApplyUnsubscribe();
  const b = behavior.data;

  return (
    <AppModal opened onClose={apply.isPending ? () => {} : onClose} title={w.t('recordTitle', { what })}>
      <Stack>
        {behavior.isPending ? (
          <TableSkeleton rows={1} />
        ) : behavior.isError ? (
          <>
            <Text size="sm">{w.t('behaviorUnavailable')}</Text>
            <QueryError error={behavior.error} onRetry={() => void behavior.refetch()} />
          </>
        ) : (
          <Text size="sm" data-testid="unsubscribe-effect">
            {w.effect(behavior.data, record.kind)}
          </Text>
        )}
        {apply.isError && (
          <Alert color="red" role="alert">
            {apply.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={apply.isPending} data-autofocus>
            {w.t('cancel')}
          </Button>
          <Button
            color={b?.behavior === 'remove' ? 'red.8' : undefined}
            disabled={!b}
            loading={apply.isPending}
            onClick={() => {
              if (!b) return;
              // Awaited here, not in mutate's callbacks: with "remove" the page hides these actions (and
              // this dialog) as soon as the refreshed record says removed, and the result must still be said.
              apply
                .mutateAsync({ kind: record.kind, id: record.id })
                .then(() => {
                  notify(w.done(b, what));
                  onClose();
                })
                .catch(() => {}); // shown in the dialog from apply.error
            }}
          >
            {w.t('recordConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
