import { type QueryKey, queryOptions } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { type EmailingEvent, type EventScope, type EventTimeFilter, type EventType, eventsPath, eventTimeQuery } from './emailing-events';
import { type EmailingListFilter, type EmailingSystem, fetchAllEmailings } from './emailings';
import { type FetchAllProgress, fetchAll } from './paging';

/**
 * Long data pulls (whole event lists, whole emailing lists) as TanStack queries, so they are cached and
 * shared (the CSV export reuses what a chart already pulled). Progress is published per query key in a
 * tiny store; cancelling is `queryClient.cancelQueries({ queryKey })`, which aborts the query's signal.
 */

const progress = new Map<string, FetchAllProgress>();
const listeners = new Set<() => void>();
const keyOf = (key: QueryKey) => JSON.stringify(key);

function report(key: QueryKey, p: FetchAllProgress) {
  progress.set(keyOf(key), p);
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How far the pull behind `queryKey` has come (undefined before its first page). */
export function usePullProgress(queryKey: QueryKey): FetchAllProgress | undefined {
  const k = keyOf(queryKey);
  return useSyncExternalStore(
    subscribe,
    () => progress.get(k),
    () => undefined,
  );
}

export const pullQueries = {
  all: () => ['pull'] as const,
  events: (scope: EventScope, type: EventType, filter: EventTimeFilter = {}) => {
    const queryKey = [...pullQueries.all(), 'events', scope, type, filter] as const;
    return queryOptions({
      queryKey,
      queryFn: ({ signal }) =>
        fetchAll<EmailingEvent>(eventsPath(scope, type), eventTimeQuery(scope.system, filter), {
          signal,
          onProgress: (p) => report(queryKey, p),
        }),
      staleTime: 5 * 60_000,
      gcTime: 10 * 60_000,
    });
  },
  emailings: (system: EmailingSystem, filter: EmailingListFilter) => {
    const queryKey = [...pullQueries.all(), 'emailings', system, filter] as const;
    return queryOptions({
      queryKey,
      queryFn: ({ signal }) => fetchAllEmailings(system, filter, { signal, onProgress: (p) => report(queryKey, p) }),
      staleTime: 60_000,
    });
  },
};
