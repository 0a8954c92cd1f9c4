import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';

/** A failure this recent belongs to the same page load: it is shown, not asked again. */
export const SAME_LOAD_MS = 2000;

/**
 * `queryClient.fetchQuery` for a query that another part of the same page load may have just asked for
 * (a route loader's prefetch, a parent route's loader). A fresh answer is shared as usual; a failure from
 * the last moments is thrown again instead of asking the API a second time (a 401 reaches the API once,
 * not once per part of the page). Later calls, such as the user's Retry, ask again.
 */
export function fetchQueryOnce<TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<TData, Error, TData, TQueryKey>,
): Promise<TData> {
  const state = queryClient.getQueryState<TData, Error>(options.queryKey);
  const justFailed =
    state?.status === 'error' &&
    state.fetchStatus === 'idle' &&
    state.data === undefined &&
    Date.now() - state.errorUpdatedAt < SAME_LOAD_MS;
  if (justFailed && state.error) return Promise.reject(state.error);
  return queryClient.fetchQuery(options);
}

/**
 * The first failure among queries that have nothing to show yet. A failed background refresh is not one:
 * the last answer stays on screen, so an editor built on it stays mounted with the user's draft.
 */
export function firstLoadError(...queries: { isLoadingError: boolean; error: Error | null }[]): Error | null {
  return queries.find((q) => q.isLoadingError)?.error ?? null;
}

/** Asks again for what failed (a Retry button), not for what is on screen already. */
export function refetchFailed(...queries: { isError: boolean; refetch: () => Promise<unknown> }[]): Promise<unknown[]> {
  return Promise.all(queries.filter((q) => q.isError).map((q) => q.refetch()));
}
