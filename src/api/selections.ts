import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isAlreadyGone } from './client';
import type { Paged } from './paging';
import { idList, looseEntity, looseList } from './schemas/common';

/**
 * Views (selections), miniviews (miniselections), their rules and conditions (docs/api/selections.md).
 * IDs are strings of digits on the wire; flags are JSON booleans.
 */

/** "either 1 or null" per channel (docs/api/selections.md §2.1). */
export type SelectionIntentions = {
  email?: number | boolean | null;
  sms?: number | boolean | null;
  fax?: number | boolean | null;
  pdf?: number | boolean | null;
};

export type View = {
  ID: string;
  name: string;
  description: string;
  'parent-type': 'database' | 'view';
  'parent-id': string;
  'has-children': boolean;
  'has-referred': boolean;
  'has-rules': boolean;
  database: string;
  'last-built': string;
  intentions?: SelectionIntentions;
};

export type Miniview = {
  ID: string;
  name: string;
  description: string;
  'parent-type': 'collection';
  'parent-id': string;
  collection: string;
  'last-built': string;
  intentions?: SelectionIntentions;
};

/** A condition as GET returns it: references come out as objects, unset ones as `false` (§2.4). */
export type ApiCondition = { ID: string; type: string; rule: string } & Record<string, unknown>;

export type ApiRule = {
  ID: string;
  name: string;
  view: string;
  conditions: Paged<ApiCondition> | ApiCondition[];
  inversed?: boolean;
  inverted?: boolean;
  disabled: boolean;
};

/** Which kind of selection an editor works on: the paths differ, the semantics do not (§5.6). */
export type SelectionScope = 'view' | 'miniview';

const enc = encodeURIComponent;
export const selectionPaths = {
  databaseViews: (databaseId: string) => `database/${enc(databaseId)}/views`,
  view: (id: string) => `view/${enc(id)}`,
  childViews: (id: string) => `view/${enc(id)}/views`,
  collectionMiniviews: (collectionId: string) => `collection/${enc(collectionId)}/miniviews`,
  miniview: (id: string) => `miniview/${enc(id)}`,
  /** `/rules` for both (the seed and the pages; the overview's `/minirules` is an alias, §8). */
  rules: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/rules`,
  rule: (scope: SelectionScope, ruleId: string) => `${scope === 'view' ? 'rule' : 'minirule'}/${enc(ruleId)}`,
  ruleConditions: (scope: SelectionScope, ruleId: string) => `${scope === 'view' ? 'rule' : 'minirule'}/${enc(ruleId)}/conditions`,
  /** `condition/$type/$id` (C2/C3) or `minicondition/$type/$id` (M13/M14). */
  condition: (scope: SelectionScope, type: string, id: string) =>
    `${scope === 'view' ? 'condition' : 'minicondition'}/${enc(type)}/${enc(id)}`,
  members: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/${scope === 'view' ? 'profiles' : 'subprofiles'}`,
  memberIds: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/${scope === 'view' ? 'profileids' : 'subprofileids'}`,
  rebuild: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/rebuild`,
  intentions: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/intentions`,
};

/** Conditions come embedded as a paged object (v3), or as a bare array in older answers. */
export function conditionsOf(rule: ApiRule): ApiCondition[] {
  return Array.isArray(rule.conditions) ? rule.conditions : (rule.conditions?.data ?? []);
}

/** `inversed` in every JSON example, `inverted` in the property lists (§8): read both. */
export function isInversed(rule: ApiRule): boolean {
  return Boolean(rule.inversed ?? rule.inverted);
}

/** A profile (V8) or subprofile (M15) as the member lists return it with `dataonly`. */
export type Member = { ID: string; fields: Record<string, string>; interests?: string[]; profile?: string; modified?: string };

export const selectionQueries = {
  all: () => ['selections'] as const,
  databaseViews: (databaseId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'database', databaseId, 'views'] as const,
      queryFn: ({ signal }) => api.get(selectionPaths.databaseViews(databaseId), { start: 0, limit: 1000 }, signal, looseList<View>()),
    }),
  childViews: (viewId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'view', viewId, 'views'] as const,
      queryFn: ({ signal }) => api.get(selectionPaths.childViews(viewId), { start: 0, limit: 1000 }, signal, looseList<View>()),
    }),
  view: (viewId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'view', viewId] as const,
      queryFn: ({ signal }) => api.get(selectionPaths.view(viewId), undefined, signal, looseEntity<View>()),
    }),
  miniviews: (collectionId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'collection', collectionId, 'miniviews'] as const,
      queryFn: ({ signal }) =>
        api.get(selectionPaths.collectionMiniviews(collectionId), { start: 0, limit: 1000 }, signal, looseList<Miniview>()),
    }),
  miniview: (miniviewId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'miniview', miniviewId] as const,
      queryFn: ({ signal }) => api.get(selectionPaths.miniview(miniviewId), undefined, signal, looseEntity<Miniview>()),
    }),
  rules: (scope: SelectionScope, id: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), scope, id, 'rules'] as const,
      queryFn: ({ signal }) => api.get(selectionPaths.rules(scope, id), { start: 0, limit: 1000 }, signal, looseList<ApiRule>()),
    }),
  /** One page of members with the total: the count and a sample in one call (V8, M15). */
  members: (scope: SelectionScope, id: string, limit: number) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), scope, id, 'members', limit] as const,
      queryFn: ({ signal }) =>
        api.get(selectionPaths.members(scope, id), { start: 0, limit, total: true, dataonly: true }, signal, looseList<Member>()),
    }),
  /** Views that depend on a miniview (M17). */
  miniviewViews: (miniviewId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'miniview', miniviewId, 'views'] as const,
      queryFn: ({ signal }) =>
        api.get(`${selectionPaths.miniview(miniviewId)}/views`, { start: 0, limit: 1000 }, signal, looseList<View>()),
    }),
};

/** GET view/$id/profileids: a bare array, not paged (V9). */
export function fetchMemberIds(scope: SelectionScope, id: string, signal?: AbortSignal): Promise<string[]> {
  return api.get(selectionPaths.memberIds(scope, id), undefined, signal, idList);
}

export type SelectionInput = { name: string; description?: string };
export type SelectionOwner = { kind: 'database' | 'view' | 'collection'; id: string };

export function createPath(owner: SelectionOwner): string {
  if (owner.kind === 'database') return selectionPaths.databaseViews(owner.id);
  if (owner.kind === 'view') return selectionPaths.childViews(owner.id);
  return selectionPaths.collectionMiniviews(owner.id);
}

function useInvalidateSelections() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: selectionQueries.all() });
}

/** POST database/$id/views, view/$id/views or collection/$id/miniviews: 201 + X-Created (V2, V7, M2). */
export function useCreateSelection() {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: async ({ owner, input }: { owner: SelectionOwner; input: SelectionInput }) => {
      const { createdId } = await api.post(createPath(owner), input);
      if (!createdId) throw new Error('The API created no selection (no X-Created header)');
      return createdId;
    },
    onSuccess: invalidate,
  });
}

/** PUT view/$id or miniview/$id: name and description only (V4, M4). */
export function useUpdateSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<SelectionInput> }) => api.put(`${scope}/${enc(id)}`, input),
    onSuccess: invalidate,
  });
}

/** DELETE view/$id or miniview/$id: the selection only, never the profiles (V5, M5). */
export function useDeleteSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`${scope}/${enc(id)}`).catch((e: unknown) => {
        if (!isAlreadyGone(e)) throw e;
        return {};
      }),
    onSuccess: invalidate,
  });
}

/** POST view/$id/copy {name, options:{views}} (V13). */
export function useCopyView() {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: async ({ id, name, views }: { id: string; name: string; views: boolean }) => {
      const { createdId } = await api.post(`${selectionPaths.view(id)}/copy`, { name, options: { views } });
      return createdId;
    },
    onSuccess: invalidate,
  });
}

/** POST view/$id/rebuild (v3; v2 documented PUT) — asynchronous on the real API: poll `last-built` (V14, M18). */
export function useRebuildSelection(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: (id: string) => api.post(selectionPaths.rebuild(scope, id)),
    onSuccess: invalidate,
  });
}

/** PUT view/$id/intentions: omitted channels stay unchanged (V15, M19). */
export function useUpdateSelectionIntentions(scope: SelectionScope) {
  const invalidate = useInvalidateSelections();
  return useMutation({
    mutationFn: ({ id, intentions }: { id: string; intentions: Partial<Record<'email' | 'sms' | 'fax' | 'pdf', boolean>> }) =>
      api.put(selectionPaths.intentions(scope, id), intentions),
    onSuccess: invalidate,
  });
}
