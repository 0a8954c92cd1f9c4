import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '@/api/client';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Inline error for a query that has no data to show: the API's own message, plus Retry. */
export function QueryError({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT(commonMessages);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('errorTitle')} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">
          {message}
          {error instanceof ApiError && error.status >= 500 ? ` (HTTP ${error.status})` : ''}
        </Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
