import { Alert, Button, Group, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { AppModal } from '@/components/AppModal';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

/** "Are you sure?" for a destructive action, showing the API's message if it fails. */
export function ConfirmDeleteModal({
  title,
  body,
  onConfirm,
  onCancel,
  loading,
  error,
  confirmDisabled,
}: {
  title: string;
  body: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  error?: Error | null;
  /** While the effect is still being counted, there is nothing to confirm yet. */
  confirmDisabled?: boolean;
}) {
  const t = useT(profileMessages);
  return (
    <AppModal opened onClose={onCancel} title={title}>
      <Text size="sm" data-testid="confirm-effect">
        {body}
      </Text>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('cancel')}
        </Button>
        <Button color="red.8" onClick={onConfirm} loading={loading} disabled={confirmDisabled}>
          {t('delete')}
        </Button>
      </Group>
    </AppModal>
  );
}

/**
 * Confirms, then deletes `id` with `mutation` (one that takes the ID); says "Deleted" and closes on
 * success, keeps the dialog open with the API's message on failure.
 */
export function ConfirmDeleteById({
  id,
  mutation,
  title,
  body,
  onClose,
  onDeleted,
  confirmDisabled,
}: {
  id: string;
  mutation: UseMutationResult<unknown, Error, string>;
  title: string;
  body: string;
  onClose: () => void;
  onDeleted?: () => void;
  confirmDisabled?: boolean;
}) {
  const t = useT(profileMessages);
  const notify = useNotify();
  return (
    <ConfirmDeleteModal
      title={title}
      body={body}
      loading={mutation.isPending}
      error={mutation.error}
      confirmDisabled={confirmDisabled}
      onCancel={onClose}
      onConfirm={() =>
        mutation.mutate(id, {
          onSuccess: () => {
            onDeleted?.();
            notify(t('deleted'));
            onClose();
          },
        })
      }
    />
  );
}
