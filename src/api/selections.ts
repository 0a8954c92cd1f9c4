import { queryOptions } from '@tanstack/react-query';
import { api, isNotFound } from './client';
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
  selection: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}`,
  /** `/rules` for both (the seed and the pages; the overview's `/minirules` is an alias, §8). */
  rules: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/rules`,
  rule: (scope: SelectionScope, ruleId: string) => `${scope === 'view' ? 'rule' : 'minirule'}/${enc(ruleId)}`,
  ruleConditions: (scope: SelectionScope, ruleId: string) => `${scope === 'view' ? 'rule' : 'minirule'}/${enc(ruleId)}/conditions`,
  /** `condition/$type/$id` (C2/C3) or `minicondition/$type/$id` (M13/M14). */
  condition: (scope: SelectionScope, type: string, id: string) =>
    `${scope === 'view' ? 'condition' : 'minicondition'}/${enc(type)}/${enc(id)}`,
  members: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/${scope === 'view' ? 'profiles' : 'subprofiles'}`,
  memberIds: (scope: SelectionScope, id: string) => `${scope}/${enc(id)}/${scope === 'view' ? 'profileids' : 'subprofileids'}`,
  /** The members a selection under `owner` starts from: the database's profiles, the parent view's, the collection's subprofiles. */
  ownerMembers: (owner: SelectionOwner) =>
    owner.kind === 'collection' ? `collection/${enc(owner.id)}/subprofiles` : `${owner.kind}/${enc(owner.id)}/profiles`,
  /** One profile (P1) or subprofile (S1). */
  member: (scope: SelectionScope, id: string) => `${scope === 'view' ? 'profile' : 'subprofile'}/${enc(id)}`,
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
  /** Every view of a database with its path ("Parent › Child"), read level by level (V1, V6). */
  allViews: (databaseId: string) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'database', databaseId, 'all-views'] as const,
      queryFn: ({ signal }) => fetchViewPaths(databaseId, signal),
    }),
  /**
   * Count and a few members of an owner's member list under a `fields[]` filter (docs/api/conventions.md §7):
   * the live count's cheap path. The key holds the filters sorted, as their order does not change the answer.
   */
  filteredMembers: (owner: SelectionOwner, filters: readonly string[], limit: number) =>
    queryOptions({
      queryKey: [...selectionQueries.all(), 'live', owner.kind, owner.id, [...filters].sort(), limit] as const,
      queryFn: ({ signal }) =>
        api.get(selectionPaths.ownerMembers(owner), { fields: filters, limit, total: true, dataonly: true }, signal, looseList<Member>()),
      staleTime: 20_000,
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

export type ViewWithPath = View & { path: string; ancestors: string[] };

async function fetchViewPaths(databaseId: string, signal?: AbortSignal): Promise<ViewWithPath[]> {
  const out: ViewWithPath[] = [];
  const top = await fetchSelectionsIn({ kind: 'database', id: databaseId }, signal);
  // V1 may or may not include nested views: keep only the top level here (docs/api/selections.md §3.1).
  let level = (top as View[]).filter((v) => v['parent-type'] !== 'view').map((v) => ({ ...v, path: v.name, ancestors: [] as string[] }));
  while (level.length && out.length < 2000) {
    out.push(...level);
    const next = await Promise.all(
      level
        .filter((v) => v['has-children'])
        .map(async (v) =>
          ((await childrenUnlessRemoved(v.ID, signal)) as View[]).map((k) => ({
            ...k,
            path: `${v.path} › ${k.name}`,
            ancestors: [...v.ancestors, v.ID],
          })),
        ),
    );
    level = next.flat();
  }
  return out;
}

/** A view's children; none when the view was removed (by someone else) after its parent was listed. */
async function childrenUnlessRemoved(viewId: string, signal?: AbortSignal) {
  try {
    return await fetchSelectionsIn({ kind: 'view', id: viewId }, signal);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The selections directly under an owner (V1, V6, M1), first 1000. */
export async function fetchSelectionsIn(owner: SelectionOwner, signal?: AbortSignal): Promise<(View | Miniview)[]> {
  return (await api.get(createPath(owner), { start: 0, limit: 1000 }, signal, looseList<View | Miniview>())).data;
}

/** GET view/$id or miniview/$id, uncached (e.g. `last-built` while a rebuild runs). */
export function fetchSelection(scope: SelectionScope, id: string, signal?: AbortSignal): Promise<View | Miniview> {
  return api.get(selectionPaths.selection(scope, id), undefined, signal, looseEntity<View | Miniview>());
}

/** GET …/rules, uncached (a save's new baseline, a move's copy). */
export async function fetchRules(scope: SelectionScope, id: string, signal?: AbortSignal): Promise<ApiRule[]> {
  return (await api.get(selectionPaths.rules(scope, id), { start: 0, limit: 1000 }, signal, looseList<ApiRule>())).data;
}

/** Count and first members of a selection, uncached; `fields` narrows it (e.g. `id==42`: is this one in?). */
export async function fetchMemberCount(
  scope: SelectionScope,
  id: string,
  opts: { limit: number; fields?: string[] },
  signal?: AbortSignal,
): Promise<{ total: number; sample: Member[] }> {
  const page = await api.get(
    selectionPaths.members(scope, id),
    { start: 0, limit: opts.limit, fields: opts.fields, total: true, dataonly: true },
    signal,
    looseList<Member>(),
  );
  return { total: page.total ?? page.count, sample: page.data };
}

/** One profile or subprofile by ID, or null when there is none. */
export function fetchMember(
  scope: SelectionScope,
  id: string,
  signal?: AbortSignal,
): Promise<(Member & { removed?: false | string }) | null> {
  return api
    .get(selectionPaths.member(scope, id), undefined, signal, looseEntity<Member & { removed?: false | string }>())
    .catch(() => null);
}

/** The first profile of a database whose field equals a value (`fields[]=email==…`). */
export async function findProfileBy(databaseId: string, field: string, value: string, signal?: AbortSignal): Promise<Member | null> {
  const page = await api.get(
    selectionPaths.ownerMembers({ kind: 'database', id: databaseId }),
    { fields: [`${field}==${value}`], limit: 1 },
    signal,
    looseList<Member & { removed?: false | string }>(),
  );
  return page.data[0] ?? null;
}
