import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';

function notifyError(title: string, error: unknown) {
  if (error instanceof ApiError && error.status === 401) return; // the sign-in redirect says it all
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error) });
}

/** Error policy, decided once: toasts only for background failures and unhandled writes. */
export function createQueryClient(
  labels: { refreshFailed: string; notSaved: string } = { refreshFailed: 'Refresh failed', notSaved: 'Not saved' },
) {
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
        // Copernica answers every client error with 400: retrying cannot help. Retry 5xx/network only.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { quiet?: boolean };
  }
}
