import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { profileQueries } from './profiles';
import { profileSchemas } from './schemas/profiles';
import { useSafeMutation } from './write-guard';

export type { Subprofile } from './wire-types';

const subPath = (id: string) => `subprofile/${encodeURIComponent(id)}`;
const ofProfile = (profileId: string, collectionId: string) =>
  `profile/${encodeURIComponent(profileId)}/subprofiles/${encodeURIComponent(collectionId)}`;

export const subprofileQueries = {
  all: () => ['subprofiles'] as const,
  /** Subprofiles of one profile in one collection (GET profile/$id/subprofiles/$collection). */
  ofProfile: (profileId: string, collectionId: string, page: { start: number; limit: number }) =>
    queryOptions({
      queryKey: [...subprofileQueries.all(), 'of', profileId, collectionId, page] as const,
      queryFn: ({ signal }) => api.get(ofProfile(profileId, collectionId), { ...page, total: true }, signal, profileSchemas.subprofiles),
      placeholderData: keepPreviousData,
    }),
  scope: (id: string) => [...subprofileQueries.all(), 'detail', id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: subprofileQueries.scope(id),
      queryFn: ({ signal }) => api.get(subPath(id), undefined, signal, profileSchemas.subprofile),
    }),
};

/** First page of one profile's subprofiles in a collection matching a filter (dry runs). */
export function findProfileSubprofiles(profileId: string, collectionId: string, query: Query, signal?: AbortSignal) {
  return api.get(ofProfile(profileId, collectionId), { dataonly: true, ...query }, signal, profileSchemas.subprofiles);
}

export function fetchSubprofileNow(id: string, signal?: AbortSignal) {
  return Promise.all([
    api.get(subPath(id), undefined, signal, profileSchemas.subprofile),
    api.get(`${subPath(id)}/fields`, undefined, signal, profileSchemas.fieldValues),
  ]);
}

function useInvalidateSubprofiles() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: subprofileQueries.all() }), qc.invalidateQueries({ queryKey: ['collections'] })]);
}

/** POST profile/$id/subprofiles/$collection with a flat field map. */
export function useCreateSubprofile(profileId: string, collectionId: string) {
  const invalidate = useInvalidateSubprofiles();
  return useSafeMutation({
    mutationFn: (fields: Record<string, string>) => api.post(ofProfile(profileId, collectionId), fields),
    onSuccess: invalidate,
  });
}

export function useUpdateSubprofileFields() {
  const invalidate = useInvalidateSubprofiles();
  return useSafeMutation({
    mutationFn: ({ id, fields }: { id: string; fields: Record<string, string> }) => api.put(`${subPath(id)}/fields`, fields),
    meta: { quiet: true }, // the form shows the error next to the values
    onSuccess: invalidate,
  });
}

export function useDeleteSubprofile() {
  const qc = useQueryClient();
  const invalidate = useInvalidateSubprofiles();
  return useMutation({
    mutationFn: (id: string) => api.delete(subPath(id)),
    onSuccess: (_r, id) => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: subprofileQueries.scope(id) })]),
  });
}

/** PUT profile/$id/subprofiles/$collection?fields[]=…&create=…: update matches within one profile, or create. */
export function useUpsertSubprofiles(profileId: string, collectionId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateSubprofiles();
  return useSafeMutation({
    mutationFn: ({ filter, fields, create }: { filter: string[]; fields: Record<string, string>; create: boolean }) =>
      api.put(ofProfile(profileId, collectionId), fields, { fields: filter, create }),
    meta: { quiet: true },
    onSuccess: () => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: profileQueries.scope(profileId) })]),
  });
}
