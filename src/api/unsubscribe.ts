import { type QueryFunction, type QueryKey, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { collectionQueries } from './collections';
import { databaseQueries, type UnsubscribeBehavior } from './databases';

export type UnsubscribeOwner = { kind: 'database' | 'collection'; id: string; databaseId: string };

const base = (o: UnsubscribeOwner) => `${o.kind}/${encodeURIComponent(o.id)}`;

/** GET database|collection/$id/unsubscribe, under the same cache key as the database's or collection's own query. */
export function unsubscribeBehaviorQuery(owner: { kind: 'database' | 'collection'; id: string }) {
  const own = owner.kind === 'database' ? databaseQueries.unsubscribe(owner.id) : collectionQueries.unsubscribe(owner.id);
  return queryOptions<UnsubscribeBehavior, Error, UnsubscribeBehavior, QueryKey>({
    queryKey: own.queryKey,
    queryFn: own.queryFn as QueryFunction<UnsubscribeBehavior, QueryKey>,
  });
}

/** PUT database|collection/$id/unsubscribe: what an unsubscribe does (docs/api/databases.md §5). */
export function useUpdateUnsubscribeBehavior(owner: UnsubscribeOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UnsubscribeBehavior) =>
      api.put(`${base(owner)}/unsubscribe`, input.behavior === 'update' ? input : { behavior: input.behavior }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: databaseQueries.unsubscribe(owner.databaseId).queryKey }),
        qc.invalidateQueries({ queryKey: ['collections', owner.id, 'unsubscribe'] }),
      ]),
  });
}

/**
 * Executes the behaviour: on one profile/subprofile (PUT profile|subprofile/$id/unsubscribe) or on every
 * match of a filter (PUT database|collection/$id/unsubscribes?fields[]=…, filter required).
 */
export function useApplyUnsubscribe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      target: { kind: 'profile' | 'subprofile'; id: string } | { kind: 'database' | 'collection'; id: string; filter: string[] },
    ) =>
      'filter' in target
        ? api.put(`${target.kind}/${encodeURIComponent(target.id)}/unsubscribes`, {}, { fields: target.filter })
        : api.put(`${target.kind}/${encodeURIComponent(target.id)}/unsubscribe`, {}),
    // The behaviour may update or remove (sub)profiles: refresh both families.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['profiles'] }), qc.invalidateQueries({ queryKey: ['subprofiles'] })]),
  });
}

/**
 * PUT collection/$id/unsubscribes?fields[]=…: applies the collection's behaviour to every matching subprofile
 * (docs/api/databases.md §5). The API requires a filter; callers narrow it to one batch's ID range.
 */
export function applyCollectionUnsubscribes(collectionId: string, filter: string[]) {
  if (filter.length === 0) throw new Error('Unsubscribing matching subprofiles needs a filter');
  return api.put(`collection/${encodeURIComponent(collectionId)}/unsubscribes`, {}, { fields: filter });
}

/**
 * PUT database/$id/unsubscribes?fields[]=…: applies the database's behaviour to every matching profile
 * (docs/api/databases.md §5). The API requires a filter; callers narrow it to one batch's ID range.
 */
export function applyDatabaseUnsubscribes(databaseId: string, filter: string[]) {
  if (filter.length === 0) throw new Error('Unsubscribing matching profiles needs a filter');
  return api.put(`database/${encodeURIComponent(databaseId)}/unsubscribes`, {}, { fields: filter });
}
