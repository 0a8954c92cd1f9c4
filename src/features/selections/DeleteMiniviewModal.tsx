import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeleteSelection } from '@/api/selection-writes';
import { type Miniview, selectionQueries } from '@/api/selections';
import { AppModal } from '@/components/AppModal';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { deleteMiniviewMessages } from './delete-messages';
import { isScratchName } from './live/scratch-selection';

const LISTED = 10;

/**
 * Confirms DELETE miniview/$id and names the selections that use it (GET miniview/$id/views: the views with
 * a MiniView condition on it, docs/api/selections.md §3.3): their conditions match nobody afterwards.
 */
export function DeleteMiniviewModal({ miniview, onClose }: { miniview: Miniview; onClose: () => void }) {
  const t = useT(deleteMiniviewMessages);
  const notify = useNotify();
  // Always asked afresh: a selection may have started using it since the list was read.
  const users = useQuery({ ...selectionQueries.miniviewViews(miniview.ID), refetchOnMount: 'always' });
  const remove = useDeleteSelection('miniview');
  // The live preview's temporary selections are not the user's.
  const views = (users.data?.data ?? []).filter((v) => !isScratchName(v.name));

  return (
    <AppModal opened onClose={remove.isPending ? () => {} : onClose} title={t('title', { name: miniview.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('effect')}</Text>
        {users.isFetching ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{t('checking')}</Text>
          </Group>
        ) : users.isError ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('unknown', { message: users.error.message })}
          </Alert>
        ) : views.length === 0 ? (
          <Text size="sm" data-testid="miniview-users">
            {t('unused')}
          </Text>
        ) : (
          <Alert color="yellow" variant="light" data-testid="miniview-users">
            <Text size="sm">{t('used', { count: views.length })}</Text>
            <List size="sm" mt={4} aria-label={t('usersLabel')}>
              {views.slice(0, LISTED).map((v) => (
                <List.Item key={v.ID}>{v.name}</List.Item>
              ))}
              {views.length > LISTED && <List.Item>{t('more', { count: views.length - LISTED })}</List.Item>}
            </List>
          </Alert>
        )}
        {remove.isError && (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t('cancel')}
          </Button>
          <Button
            color="red.8"
            loading={remove.isPending}
            disabled={users.isFetching}
            onClick={() =>
              remove.mutate(miniview.ID, {
                onSuccess: () => {
                  notify(t('deleted', { name: miniview.name }));
                  onClose();
                },
              })
            }
          >
            {t('delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
