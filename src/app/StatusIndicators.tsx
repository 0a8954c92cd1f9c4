import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconClockPause, IconCloudOff } from '@tabler/icons-react';
import { onlineManager, useIsFetching } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type RetryWait, useRetryStatus } from '@/api/retry-status';
import { useT } from '@/i18n/i18n';
import { statusMessages } from '@/i18n/status';

/** After this long a first load says it is still busy (the API may hang; the client caps the wait). */
export const STILL_LOADING_AFTER_MS = 5000;

const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);
const isOnline = () => onlineManager.isOnline();

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, isOnline, () => true);
}

/** Re-renders every second while `active`, so countdowns count down. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function nextWait(waits: readonly RetryWait[]): RetryWait | undefined {
  // A busy server is the news; otherwise the soonest retry.
  const busy = waits.filter((w) => w.busy);
  const pool = busy.length ? busy : waits;
  return pool.reduce<RetryWait | undefined>((soonest, w) => (!soonest || w.until < soonest.until ? w : soonest), undefined);
}

/** True once some first load (a query without data) has been running for STILL_LOADING_AFTER_MS. */
function useStillLoading(): boolean {
  const loading = useIsFetching({ predicate: (q) => q.state.status === 'pending' }) > 0;
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!loading) return;
    const timer = setTimeout(() => setSlow(true), STILL_LOADING_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  return loading && slow;
}

/**
 * The shell's live status: offline, waiting to retry ("Busy, trying again in N s"), still loading.
 * Fixed at the bottom of the window, so appearing and disappearing never moves the page.
 */
export function StatusIndicators() {
  const t = useT(statusMessages);
  const online = useOnline();
  const wait = nextWait(useRetryStatus().waits);
  const now = useNow(wait !== undefined);
  const stillLoading = useStillLoading();
  const seconds = wait ? Math.max(1, Math.ceil((wait.until - now) / 1000)) : 0;
  return (
    <Stack
      gap="xs"
      role="status"
      aria-live="polite"
      pos="fixed"
      bottom={16}
      left="50%"
      style={{ transform: 'translateX(-50%)', zIndex: 300, pointerEvents: 'none', maxWidth: 'calc(100vw - 32px)' }}
    >
      {!online && (
        <Alert color="gray" variant="filled" icon={<IconCloudOff aria-hidden />} data-testid="offline-banner">
          {t('offline')}
        </Alert>
      )}
      {online && wait && (
        <Alert color="yellow" variant="light" icon={<IconClockPause aria-hidden />} data-testid="retry-countdown">
          <Text size="sm">{t(wait.busy ? 'busyRetry' : 'retrying', { seconds })}</Text>
        </Alert>
      )}
      {online && !wait && stillLoading && (
        <Alert color="blue" variant="light" icon={<Loader size="xs" aria-hidden />} data-testid="still-loading">
          <Text size="sm">{t('stillLoading')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
