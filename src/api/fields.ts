import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { type DatabaseField, databaseQueries } from './databases';
import { useSafeMutation } from './write-guard';

/** Database and collection fields share one shape and one set of calls (docs/api/databases.md §2, §3). */
export type FieldOwner = { kind: 'database' | 'collection'; id: string; databaseId: string };

export type FieldInput = Partial<Omit<DatabaseField, 'ID'>> & { name: string };

const base = (o: FieldOwner) => `${o.kind}/${encodeURIComponent(o.id)}`;

function useInvalidateOwner(owner: FieldOwner) {
  const qc = useQueryClient();
  // Field changes show in the database object, its collections, and every (sub)profile's values.
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: databaseQueries.scope(owner.databaseId) }),
      qc.invalidateQueries({ queryKey: ['collections'] }),
      qc.invalidateQueries({ queryKey: owner.kind === 'database' ? ['profiles'] : ['subprofiles'] }),
    ]);
}

export function useCreateField(owner: FieldOwner) {
  const invalidate = useInvalidateOwner(owner);
  return useSafeMutation({
    mutationFn: (input: FieldInput) => api.post(`${base(owner)}/fields`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateField(owner: FieldOwner) {
  const invalidate = useInvalidateOwner(owner);
  return useSafeMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<FieldInput> }) =>
      api.put(`${base(owner)}/field/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteField(owner: FieldOwner) {
  const invalidate = useInvalidateOwner(owner);
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base(owner)}/field/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

/** Choices of a select field: `value` separated by line breaks, `*` marks the default (docs/api/databases.md §2.3). */
export function selectChoices(value: string): { choices: string[]; defaultChoice?: string } {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
  let defaultChoice: string | undefined;
  const choices = lines.map((l) => {
    if (l.endsWith('*')) {
      defaultChoice = l.slice(0, -1);
      return defaultChoice;
    }
    return l;
  });
  return { choices, defaultChoice };
}
