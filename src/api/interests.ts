import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { databaseQueries, type Interest } from './databases';
import { schemas } from './schemas/databases';
import { useSafeMutation } from './write-guard';

export const interestQueries = {
  list: (databaseId: string) =>
    queryOptions({
      queryKey: [...databaseQueries.scope(databaseId), 'interests'] as const,
      queryFn: ({ signal }) =>
        api.get(`database/${encodeURIComponent(databaseId)}/interests`, { start: 0, limit: 1000 }, signal, schemas.interests),
    }),
};

/** Interests change the database object, its interest list, and what profiles show. */
function useInvalidateInterests(databaseId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: databaseQueries.scope(databaseId) }), qc.invalidateQueries({ queryKey: ['profiles'] })]);
}

export function useCreateInterest(databaseId: string) {
  const invalidate = useInvalidateInterests(databaseId);
  return useSafeMutation({
    mutationFn: (input: { name: string; group?: string }) => api.post(`database/${encodeURIComponent(databaseId)}/interests`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateInterest(databaseId: string) {
  const invalidate = useInvalidateInterests(databaseId);
  return useSafeMutation({
    mutationFn: ({ id, input }: { id: string; input: { name?: string; group?: string } }) =>
      api.put(`interest/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteInterest(databaseId: string) {
  const invalidate = useInvalidateInterests(databaseId);
  return useMutation({
    mutationFn: (id: string) => api.delete(`interest/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

/** Groups for display: `group` may be empty (ungrouped interests come first). */
export function groupInterests(interests: Interest[]): { group: string; interests: Interest[] }[] {
  const map = new Map<string, Interest[]>();
  for (const i of interests) map.set(i.group ?? '', [...(map.get(i.group ?? '') ?? []), i]);
  return [...map.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    .map(([group, list]) => ({ group, interests: list }));
}
