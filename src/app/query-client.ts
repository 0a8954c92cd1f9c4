import { notifications } from '@mantine/notifications';
import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from '@/api/client';

/** Failures that the screen already explains (sign-in dialog, offline banner) need no toast. */
function explainedElsewhere(error: unknown): boolean {
  return (error instanceof ApiError && error.status === 401) || (error instanceof NetworkError && error.offline);
}

function notifyError(title: string, error: unknown) {
  if (explainedElsewhere(error)) return;
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error) });
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
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined) notifyError(labels.refreshFailed, error);
      },
    }),
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
      },
      mutations: { retry: false },
    },
  });
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { quiet?: boolean };
  }
}
