import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { PageParams } from './paging';
import { schemas } from './schemas/databases';
import type { Intentions } from './wire-types';
import { useSafeMutation } from './write-guard';

export type { Collection, Database, DatabaseField, FieldType, Intentions, Interest, UnsubscribeBehavior } from './wire-types';

export type DatabaseInput = { name: string; description?: string; archived?: boolean };
export type CopyOptions = { views: boolean; collections: boolean; miniviews: boolean; profiles: boolean; subprofiles: boolean };

const db = (id: string) => `database/${encodeURIComponent(id)}`;

export const databaseQueries = {
  all: () => ['databases'] as const,
  lists: () => [...databaseQueries.all(), 'list'] as const,
  list: (page: PageParams) =>
    queryOptions({
      queryKey: [...databaseQueries.lists(), page] as const,
      queryFn: ({ signal }) => api.get('databases', page, signal, schemas.databases),
      placeholderData: keepPreviousData,
    }),
  /** Everything under one database: its object, fields, collections, interests, unsubscribe behaviour. */
  scope: (id: string) => [...databaseQueries.all(), 'detail', id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: databaseQueries.scope(id),
      queryFn: ({ signal }) => api.get(db(id), undefined, signal, schemas.database),
    }),
  fields: (id: string) =>
    queryOptions({
      queryKey: [...databaseQueries.scope(id), 'fields'] as const,
      queryFn: ({ signal }) => api.get(`${db(id)}/fields`, { start: 0, limit: 1000 }, signal, schemas.fields),
    }),
  collections: (id: string) =>
    queryOptions({
      queryKey: [...databaseQueries.scope(id), 'collections'] as const,
      queryFn: ({ signal }) => api.get(`${db(id)}/collections`, { start: 0, limit: 1000 }, signal, schemas.collections),
    }),
  unsubscribe: (id: string) =>
    queryOptions({
      queryKey: [...databaseQueries.scope(id), 'unsubscribe'] as const,
      queryFn: ({ signal }) => api.get(`${db(id)}/unsubscribe`, undefined, signal, schemas.unsubscribe),
    }),
};

export function useCreateDatabase() {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: DatabaseInput) => api.post('databases', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: databaseQueries.lists() }),
  });
}

export function useUpdateDatabase(id: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: DatabaseInput) => api.put(db(id), input),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: databaseQueries.lists() }),
        qc.invalidateQueries({ queryKey: databaseQueries.detail(id).queryKey, exact: true }),
      ]),
  });
}

export function useCopyDatabase(id: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: { name: string; options: CopyOptions }) => api.post(`${db(id)}/copy`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: databaseQueries.lists() }),
  });
}

/** PUT database/$id/intentions or collection/$id/intentions (absent keys unchanged). */
export function useUpdateIntentions(owner: { kind: 'database' | 'collection'; id: string; databaseId: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Record<keyof Intentions, boolean>>) =>
      api.put(`${owner.kind}/${encodeURIComponent(owner.id)}/intentions`, input),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: databaseQueries.scope(owner.databaseId) }),
        owner.kind === 'collection' && qc.invalidateQueries({ queryKey: ['collections', owner.id] }),
      ]),
  });
}
