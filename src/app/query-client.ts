import { MutationCache, onlineManager, type Query, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from '@/api/client';

/** Failures that the screen already explains (sign-in dialog, offline banner) need no toast. */
function explainedElsewhere(error: unknown): boolean {
  return (error instanceof ApiError && error.status === 401) || (error instanceof NetworkError && error.offline);
}

function notifyError(title: string, error: unknown) {
  if (explainedElsewhere(error)) return;
  const message = error instanceof Error ? error.message : String(error);
  // Imported on first use: the notifications package stays out of the entry chunk (see providers.tsx).
  void import('@mantine/notifications').then(({ notifications }) => notifications.show({ color: 'red', title, message }));
}

/** While offline, a failed read waits for the connection (TanStack pauses the retry) instead of failing. */
const OFFLINE_RETRIES = 10;

/**
 * Error policy, decided once. The API client (src/api/client.ts, status-policy.ts) already retried what can
 * succeed on a second try, so the query layer does not retry again; it only waits out being offline.
 * Toasts only for background failures and unhandled writes.
 */
export function createQueryClient(
  labels: { refreshFailed: string; notSaved: string } = { refreshFailed: 'Refresh failed', notSaved: 'Not saved' },
) {
  // Start from what the browser knows; the online/offline events keep it up to date.
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine !== false);
  const queryCache = new QueryCache({
    onError: (error, query) => {
      if (query.state.data !== undefined) notifyError(labels.refreshFailed, error);
    },
  });
  forgetFailuresNobodyWatches(queryCache);
  return new QueryClient({
    queryCache,
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.quiet) notifyError(labels.notSaved, error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => error instanceof NetworkError && error.offline && count < OFFLINE_RETRIES,
        retryDelay: 0,
        refetchOnWindowFocus: false,
        // A page that mounts after its loader's prefetch failed shows that failure instead of asking again
        // at once; see forgetFailuresNobodyWatches for when a failure is asked again.
        retryOnMount: false,
      },
      mutations: { retry: false },
    },
  });
}

/** How long a failure stays once no screen shows it: long enough for a screen to swap one view for another. */
export const FORGET_FAILURE_AFTER_MS = 1000;

/**
 * A failed read with no data is dropped shortly after the last screen showing it goes away, so coming back
 * asks the API again (with `retryOnMount: false` it would otherwise show the old failure). Not at once: a
 * page that swaps its loading view for its error view drops one observer before adding the next, and must
 * not ask again in between. A failure no screen has watched yet (a loader's prefetch) is kept for the page
 * that is about to mount.
 */
function forgetFailuresNobodyWatches(queryCache: QueryCache) {
  const unwatchedFailure = (query: Query) =>
    query.getObserversCount() === 0 && query.state.status === 'error' && query.state.data === undefined;
  queryCache.subscribe((event) => {
    if (event.type !== 'observerRemoved' || !unwatchedFailure(event.query)) return;
    const { query } = event;
    setTimeout(() => {
      if (unwatchedFailure(query) && queryCache.find({ queryKey: query.queryKey, exact: true }) === query) queryCache.remove(query);
    }, FORGET_FAILURE_AFTER_MS);
  });
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { quiet?: boolean };
  }
}
