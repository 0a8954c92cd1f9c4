import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { sessionQueries } from '@/api/session';
import { appQueryClient } from './app-query-client';

/**
 * A route loader that starts the page's first-screen queries while the page's chunk is still loading, so
 * code and data arrive in parallel. It returns at once: navigation never waits for data (the page shows
 * its own loading, empty and error states from the same queries). Signed-out visitors prefetch nothing.
 * `start` imports its query factories lazily, so they stay out of the entry chunk.
 */
export function prefetch(start: (queryClient: QueryClient, args: LoaderFunctionArgs) => Promise<unknown>) {
  return (args: LoaderFunctionArgs) => {
    void (async () => {
      const session = await appQueryClient.ensureQueryData(sessionQueries.current());
      if (session.signedIn) await start(appQueryClient, args);
    })().catch(() => {}); // the page's own query reports a failure
    return null;
  };
}

/**
 * The data a loader needs first (a page of profiles needs its database's fields). The parent route's loader
 * usually asks for the same query in the same navigation: when that answer was a failure, it is not asked
 * again here (the page shows the failure, and a 401 must reach the API once, not once per loader).
 */
export async function loaderQueryData<TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TData, Error, TData, TQueryKey>,
): Promise<TData> {
  const state = queryClient.getQueryState<TData, Error>(options.queryKey);
  if (state?.status === 'error' && state.fetchStatus === 'idle' && state.data === undefined) throw state.error;
  return queryClient.ensureQueryData(options);
}
