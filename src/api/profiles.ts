import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { createOnce, typedFieldsFilter } from './create-outcome';
import type { Interest } from './databases';
import { noteOwnWrite, recordKey } from './own-writes';
import type { Paged } from './paging';
import { profileSchemas } from './schemas/profiles';
import type { Profile } from './wire-types';
import { useSafeMutation } from './write-guard';

export type { Profile } from './wire-types';

/** The list query as the profiles table sends it (all inputs are part of the key). */
export type ProfileListQuery = {
  start: number;
  limit: number;
  orderby?: string;
  order?: 'asc' | 'desc';
  fields: readonly string[];
};

const dbPath = (databaseId: string) => `database/${encodeURIComponent(databaseId)}`;
const profilePath = (id: string) => `profile/${encodeURIComponent(id)}`;

export const profileQueries = {
  all: () => ['profiles'] as const,
  lists: (databaseId: string) => [...profileQueries.all(), 'list', databaseId] as const,
  /** One page, without the (slow) total: `total=false` (docs/api/conventions.md §6.2). */
  list: (databaseId: string, q: ProfileListQuery) =>
    queryOptions({
      queryKey: [...profileQueries.lists(databaseId), q] as const,
      queryFn: ({ signal }) =>
        api.get(
          `${dbPath(databaseId)}/profiles`,
          { ...q, fields: [...q.fields], total: false, dataonly: true },
          signal,
          profileSchemas.profiles,
        ),
      placeholderData: keepPreviousData,
    }),
  /** The total for a filter, asked separately so the first rows never wait for the count. */
  total: (databaseId: string, fields: readonly string[]) =>
    queryOptions({
      queryKey: [...profileQueries.lists(databaseId), 'total', fields] as const,
      queryFn: async ({ signal }) =>
        (
          await api.get(
            `${dbPath(databaseId)}/profiles`,
            { fields: [...fields], limit: 1, dataonly: true, total: true },
            signal,
            profileSchemas.profiles,
          )
        ).total ?? 0,
      staleTime: 60_000,
    }),
  scope: (id: string) => [...profileQueries.all(), 'detail', id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: profileQueries.scope(id),
      queryFn: ({ signal }) => api.get(profilePath(id), undefined, signal, profileSchemas.profile),
    }),
  /** GET profile/$id/fields: the bare field map (used to compare on save). */
  fields: (id: string) =>
    queryOptions({
      queryKey: [...profileQueries.scope(id), 'fields'] as const,
      queryFn: ({ signal }) => api.get(`${profilePath(id)}/fields`, undefined, signal, profileSchemas.fieldValues),
      staleTime: 0,
    }),
  interests: (id: string) =>
    queryOptions({
      queryKey: [...profileQueries.scope(id), 'interests'] as const,
      queryFn: ({ signal }) => api.get(`${profilePath(id)}/interests`, { return: 'objects' }, signal, profileSchemas.interestObjects),
    }),
};

/** Reads the profile afresh, bypassing the cache: the conflict check before a save. */
export function fetchProfileNow(id: string, signal?: AbortSignal) {
  return Promise.all([
    api.get(profilePath(id), undefined, signal, profileSchemas.profile),
    api.get(`${profilePath(id)}/fields`, undefined, signal, profileSchemas.fieldValues),
  ]);
}

/**
 * POST database/$id/profiles, guarded (one at a time, waits while offline). A lost answer is not retried:
 * the error is a `CreateOutcomeUnknown` that looks the profile up by the typed values.
 */
export function useCreateProfile(databaseId: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: { fields: Record<string, string>; interests?: Record<string, 0 | 1> }) =>
      createOnce(
        () => api.post(`${dbPath(databaseId)}/profiles`, input),
        () => newestProfileMatching(databaseId, input.fields),
      ),
    meta: { quiet: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) }),
  });
}

/** The newest profile whose fields equal the given values (ID order, docs/api/conventions.md §8), or null. */
export async function newestProfileMatching(databaseId: string, values: Record<string, string>): Promise<string | null> {
  const page = await api.get<Paged<Profile>>(`${dbPath(databaseId)}/profiles`, {
    fields: typedFieldsFilter(values),
    orderby: 'id',
    order: 'desc',
    limit: 1,
    dataonly: true,
    total: false,
  });
  return page.data[0]?.ID ?? null;
}

export function useUpdateProfileFields(databaseId: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    // Flat body, no `fields` wrapper (docs/api/databases.md §6 PUT profile/$id/fields).
    mutationFn: ({ id, fields }: { id: string; fields: Record<string, string> }) => api.put(`${profilePath(id)}/fields`, fields),
    meta: { quiet: true }, // the form shows the error next to the values
    onSuccess: (_r, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: profileQueries.scope(id) }),
        qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) }),
      ]),
  });
}

/**
 * PUT profile/$id with {"secret": …}: sets the profile's code (docs/api/databases.md §6; a secret change never touches
 * `modified`). Only `secret` is sent, so fields and interests stay as they are.
 */
export function useUpdateProfileSecret(databaseId: string) {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: ({ id, secret }: { id: string; secret: string }) => api.put(profilePath(id), { secret }),
    meta: { quiet: true },
    onSuccess: (_r, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: profileQueries.scope(id) }),
        qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) }),
      ]),
  });
}

function toggleNames(list: string[], changes: Record<string, boolean>) {
  const on = new Set(list.map((n) => n.toLowerCase()));
  const out = list.filter((n) => changes[n] !== false);
  for (const [name, value] of Object.entries(changes)) if (value && !on.has(name.toLowerCase())) out.push(name);
  return out;
}

/**
 * POST profile/$id/interests with an object merges (only the named interests change); PUT replaces the
 * whole set. Optimistic: a toggle must feel instant.
 */
export function useChangeInterests(databaseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes, replace }: { id: string; changes: Record<string, boolean>; replace?: boolean }) => {
      // Moves the profile's `modified`: an open field form must not take that for someone else's edit.
      noteOwnWrite(recordKey('profile', id), null);
      const body = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v ? 1 : 0]));
      // PUT replaces the set; an empty array means "everything off".
      if (replace) return api.put(`${profilePath(id)}/interests`, Object.keys(body).length ? body : []);
      return api.post(`${profilePath(id)}/interests`, body);
    },
    onMutate: async ({ id, changes, replace }) => {
      const { queryKey } = profileQueries.detail(id);
      await qc.cancelQueries({ queryKey });
      const previous = qc.getQueryData(queryKey);
      qc.setQueryData(
        queryKey,
        (p) => p && { ...p, interests: replace ? Object.keys(changes).filter((k) => changes[k]) : toggleNames(p.interests, changes) },
      );
      // The switches read GET profile/$id/interests: flip them there too.
      const objects = profileQueries.interests(id).queryKey;
      await qc.cancelQueries({ queryKey: objects });
      const previousObjects = qc.getQueryData(objects);
      const known = qc.getQueryData<{ interests: { data: Interest[] } }>(['databases', 'detail', databaseId])?.interests.data;
      qc.setQueryData(objects, (list) => {
        if (!list) return list;
        const names = replace
          ? Object.keys(changes).filter((k) => changes[k])
          : toggleNames(
              list.map((i) => i.name),
              changes,
            );
        return (known ?? list).filter((i) => names.some((n) => n.toLowerCase() === i.name.toLowerCase()));
      });
      return { previous, previousObjects };
    },
    onError: (_e, { id }, ctx) => {
      qc.setQueryData(profileQueries.detail(id).queryKey, ctx?.previous);
      qc.setQueryData(profileQueries.interests(id).queryKey, ctx?.previousObjects);
    },
    onSettled: (_r, _e, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: profileQueries.scope(id) }),
        qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) }),
      ]),
  });
}

export function useDeleteProfile(databaseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(profilePath(id)),
    onSuccess: (_r, id) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: profileQueries.scope(id) }),
        qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) }),
        qc.invalidateQueries({ queryKey: ['subprofiles'] }),
      ]),
  });
}

/** PUT database/$id/profiles?fields[]=…: updates every match (the filter is required by the API). */
export function bulkUpdateProfiles(databaseId: string, filter: string[], fields: Record<string, string>) {
  if (filter.length === 0) throw new Error('A bulk update needs a filter');
  return api.put(`${dbPath(databaseId)}/profiles`, { fields }, { fields: filter });
}

/** DELETE database/$id/profiles with `{"profiles":[…]}` (a DELETE with a body). */
export function bulkDeleteProfiles(databaseId: string, ids: (string | number)[]) {
  return api.delete(`${dbPath(databaseId)}/profiles`, { profiles: ids.map(Number) });
}

/** PUT database/$id/profiles?fields[]=key==value&create=true: update the match or create one (import). */
export function upsertProfile(databaseId: string, filter: string[], fields: Record<string, string>) {
  return api.put(`${dbPath(databaseId)}/profiles`, { fields }, { fields: filter, create: true });
}

export function createProfile(databaseId: string, fields: Record<string, string>) {
  return api.post(`${dbPath(databaseId)}/profiles`, { fields });
}

/** First page of matches, for dry runs and lookups. */
export function findProfiles(databaseId: string, query: Query, signal?: AbortSignal) {
  return api.get(`${dbPath(databaseId)}/profiles`, { dataonly: true, ...query }, signal, profileSchemas.profiles);
}
