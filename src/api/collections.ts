import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { databaseQueries } from './databases';
import type { Paged } from './paging';
import { schemas } from './schemas/databases';
import { profileSchemas } from './schemas/profiles';
import type { Subprofile } from './subprofiles';
import { useSafeMutation } from './write-guard';

const coll = (id: string) => `collection/${encodeURIComponent(id)}`;

export const collectionQueries = {
  all: () => ['collections'] as const,
  scope: (id: string) => [...collectionQueries.all(), id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: collectionQueries.scope(id),
      queryFn: ({ signal }) => api.get(coll(id), undefined, signal, schemas.collection),
    }),
  fields: (id: string) =>
    queryOptions({
      queryKey: [...collectionQueries.scope(id), 'fields'] as const,
      queryFn: ({ signal }) => api.get(`${coll(id)}/fields`, { start: 0, limit: 1000 }, signal, schemas.fields),
    }),
  unsubscribe: (id: string) =>
    queryOptions({
      queryKey: [...collectionQueries.scope(id), 'unsubscribe'] as const,
      queryFn: ({ signal }) => api.get(`${coll(id)}/unsubscribe`, undefined, signal, schemas.unsubscribe),
    }),
  /** All subprofiles of the collection, across profiles (GET collection/$id/subprofiles). */
  subprofiles: (id: string, query: Query) =>
    queryOptions({
      queryKey: [...collectionQueries.scope(id), 'subprofiles', query] as const,
      queryFn: ({ signal }) => api.get(`${coll(id)}/subprofiles`, { ...query, total: false }, signal, profileSchemas.subprofiles),
      placeholderData: keepPreviousData,
    }),
  subprofileTotal: (id: string, fields: readonly string[]) =>
    queryOptions({
      queryKey: [...collectionQueries.scope(id), 'subprofiles', 'total', fields] as const,
      queryFn: async ({ signal }) =>
        (await api.get(`${coll(id)}/subprofiles`, { fields, limit: 1, dataonly: true, total: true }, signal, profileSchemas.subprofiles))
          .total ?? 0,
      staleTime: 60_000,
    }),
  subprofileIds: (id: string) =>
    queryOptions({
      queryKey: [...collectionQueries.scope(id), 'subprofileids'] as const,
      queryFn: ({ signal }) => api.get<(string | number)[]>(`${coll(id)}/subprofileids`, undefined, signal),
    }),
};

export function useCreateCollection(databaseId: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: { name: string; description?: string }) =>
      api.post(`database/${encodeURIComponent(databaseId)}/collections`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: databaseQueries.scope(databaseId) }),
  });
}

export function useRenameCollection(databaseId: string, id: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (name: string) => api.put(coll(id), { name }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: databaseQueries.scope(databaseId) }),
        qc.invalidateQueries({ queryKey: collectionQueries.detail(id).queryKey, exact: true }),
      ]),
  });
}

/** First page of a collection's matching subprofiles (dry runs): GET collection/$id/subprofiles. */
export function findCollectionSubprofiles(id: string, query: Query, signal?: AbortSignal) {
  return api.get<Paged<Subprofile>>(`${coll(id)}/subprofiles`, { dataonly: true, ...query }, signal);
}

/**
 * PUT collection/$id/subprofiles?fields[]=…: bulk update across profiles (docs/api/databases.md §7). The filter is
 * required; the body is the flat field map of the doc's JSON example.
 */
export function bulkUpdateCollectionSubprofiles(id: string, filter: string[], fields: Record<string, string>) {
  if (filter.length === 0) throw new Error('A bulk update needs a filter');
  return api.put(`${coll(id)}/subprofiles`, fields, { fields: filter });
}
