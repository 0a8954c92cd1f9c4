import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { useT } from '@/i18n/i18n';
import { undoableDeleteMessages } from './messages';
import { dismissFailure, getState, sendLeftBehind, subscribe, undoDelete } from './queue';

export function usePendingDeletes() {
  return useSyncExternalStore(subscribe, getState);
}

/** API paths of records waiting to be deleted: lists leave those rows out until the delete settles. */
export function usePendingDeletePaths(): ReadonlySet<string> {
  const { pending } = usePendingDeletes();
  return useMemo(() => new Set(pending.map((p) => p.path)), [pending]);
}

/** `rows` without those waiting to be deleted (`deletePath` gives a row's API path), so a deleted row leaves the table at once. */
export function useWithoutPendingDeletes<T>(rows: readonly T[] | undefined, deletePath: (row: T) => string): T[] {
  const pending = usePendingDeletePaths();
  return (rows ?? []).filter((row) => !pending.has(deletePath(row)));
}

/** Re-renders every half second while something counts down. */
function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The bar that offers Undo for queued deletes and shows failed ones; mounted once in the shell. Leaving the
 * page that queued a delete sends it at once (it is never dropped).
 */
export function PendingDeletes() {
  const t = useT(undoableDeleteMessages);
  const { pending, failed } = usePendingDeletes();
  const { pathname } = useLocation();
  const now = useNow(pending.length > 0);

  useEffect(() => sendLeftBehind(pathname), [pathname]);

  if (pending.length === 0 && failed.length === 0) return null;
  return (
    <Stack
      gap="xs"
      role="region"
      aria-label={t('region')}
      style={{ position: 'fixed', bottom: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 300, width: 'min(520px, 92vw)' }}
    >
      {failed.map((f) => (
        // An opaque sheet under the light alert: the bar floats over the page's content.
        <Paper key={f.path} shadow="md" radius="md">
          <Alert color="red" role="alert" withCloseButton onClose={() => dismissFailure(f.path)} closeButtonLabel={t('dismiss')}>
            {t('failed', { label: f.label, message: f.message })}
          </Alert>
        </Paper>
      ))}
      {pending.map((p) => (
        <Paper key={p.path} withBorder shadow="md" p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" role="status" data-testid="pending-delete">
              {p.phase === 'waiting'
                ? t('waiting', { label: p.label, seconds: Math.max(1, Math.ceil((p.due - now) / 1000)) })
                : t('sending', { label: p.label })}
            </Text>
            {p.phase === 'waiting' && (
              <Button size="xs" variant="default" aria-label={t('undoLabel', { label: p.label })} onClick={() => undoDelete(p.path)}>
                {t('undo')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
