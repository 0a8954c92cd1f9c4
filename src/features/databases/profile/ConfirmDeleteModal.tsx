import { Alert, Button, Group, Text } from '@mantine/core';
import { AppModal } from '@/components/AppModal';
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
}: {
  title: string;
  body: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  error?: Error | null;
}) {
  const t = useT(profileMessages);
  return (
    <AppModal opened onClose={onCancel} title={title}>
      <Text size="sm">{body}</Text>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={loading} data-autofocus>
          {t('delete')}
        </Button>
      </Group>
    </AppModal>
  );
}
