import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCloudOff, IconSearch } from '@tabler/icons-react';
import { Link, useInRouterContext } from 'react-router';
import { ApiError, isNotFound, NetworkError, UnexpectedShapeError } from '@/api/client';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { statusMessages } from '@/i18n/status';

type StatusKey = keyof typeof statusMessages.en;

/** How the status policy presents a failure: a title, a sentence, whether Retry can help, a way back. */
export type ErrorView = {
  kind: 'notFound' | 'notAllowed' | 'shape' | 'unavailable' | 'offline' | 'other';
  title?: StatusKey;
  body?: StatusKey;
  /** The API's own words (or technical detail), shown as text. */
  detail?: string;
  retry: boolean;
};

export function describeError(error: unknown): ErrorView {
  const message = error instanceof Error ? error.message : String(error);
  if (isNotFound(error)) return { kind: 'notFound', title: 'notFoundTitle', body: 'notFound', detail: message, retry: false };
  if (error instanceof ApiError && error.status === 403)
    return { kind: 'notAllowed', title: 'notAllowedTitle', detail: message, retry: false };
  if (error instanceof UnexpectedShapeError)
    return { kind: 'shape', title: 'unexpectedShapeTitle', body: 'unexpectedShape', detail: message, retry: true };
  if (error instanceof NetworkError) {
    if (error.offline) return { kind: 'offline', body: 'offlineError', retry: true };
    return { kind: 'unavailable', title: 'unreachableTitle', body: error.timedOut ? 'timedOut' : 'unreachable', retry: true };
  }
  if (error instanceof ApiError && [502, 503, 504].includes(error.status))
    return {
      kind: 'unavailable',
      title: 'unreachableTitle',
      body: 'unreachable',
      detail: `${message} (HTTP ${error.status})`,
      retry: true,
    };
  if (error instanceof ApiError && error.status >= 500) return { kind: 'other', detail: `${message} (HTTP ${error.status})`, retry: true };
  return { kind: 'other', detail: message, retry: true };
}

const ICONS = { notFound: IconSearch, notAllowed: IconBan, offline: IconCloudOff } as const;

/**
 * Inline error for a query that has no data to show, inside the page that asked: what went wrong in the
 * user's words, the API's own message as text, Retry where another try can help, a way back where not.
 */
export function QueryError({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT(commonMessages);
  const ts = useT(statusMessages);
  const inRouter = useInRouterContext();
  const view = describeError(error);
  const Icon = view.kind in ICONS ? ICONS[view.kind as keyof typeof ICONS] : IconAlertTriangle;
  const color = view.kind === 'notFound' || view.kind === 'offline' ? 'gray' : 'red';
  return (
    <Alert
      color={color}
      variant="light"
      icon={<Icon aria-hidden />}
      title={title ?? (view.title ? ts(view.title) : t('errorTitle'))}
      role="alert"
      data-error-kind={view.kind}
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Stack gap={4}>
          {view.body && <Text size="sm">{ts(view.body)}</Text>}
          {view.detail && (
            <Text size={view.body ? 'xs' : 'sm'}>{view.body ? ts('technicalDetail', { detail: view.detail }) : view.detail}</Text>
          )}
        </Stack>
        {onRetry && view.retry && (
          <Button size="xs" variant="white" color={color} onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
        {view.kind === 'notFound' && inRouter && (
          <Button size="xs" variant="default" component={Link} to=".." relative="path">
            {ts('back')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
