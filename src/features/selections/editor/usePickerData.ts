import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '@/api/client';
import { databaseQueries } from '@/api/databases';
import type { Paged } from '@/api/paging';
import { selectionPaths, selectionQueries, type View } from '@/api/selections';
import { isScratchName } from '../live/scratch-selection';
import type { PickerData } from './picker-data';

/** Every view of a database with its path ("Parent › Child"), read level by level (V1, V6). */
export const allViewsQuery = (databaseId: string) =>
  queryOptions({
    queryKey: [...selectionQueries.all(), 'database', databaseId, 'all-views'] as const,
    queryFn: async ({ signal }) => {
      const out: (View & { path: string; ancestors: string[] })[] = [];
      const top = await api.get<Paged<View>>(selectionPaths.databaseViews(databaseId), { start: 0, limit: 1000 }, signal);
      // V1 may or may not include nested views: keep only the top level here (docs/api/selections.md §3.1).
      let level = top.data
        .filter((v) => v['parent-type'] !== 'view' && !isScratchName(v.name))
        .map((v) => ({ ...v, path: v.name, ancestors: [] as string[] }));
      while (level.length && out.length < 2000) {
        out.push(...level);
        const next = await Promise.all(
          level
            .filter((v) => v['has-children'])
            .map(async (v) => {
              const kids = await api.get<Paged<View>>(selectionPaths.childViews(v.ID), { start: 0, limit: 1000 }, signal);
              return kids.data
                .filter((k) => !isScratchName(k.name))
                .map((k) => ({ ...k, path: `${v.path} › ${k.name}`, ancestors: [...v.ancestors, v.ID] }));
            }),
        );
        level = next.flat();
      }
      return out;
    },
  });

/** The pickers' data for an editor: fields of the scope, interests, all miniviews, all views. */
export function usePickerData(databaseId: string | undefined, opts: { collectionId?: string; selfViewId?: string }) {
  const database = useQuery({ ...databaseQueries.detail(databaseId ?? ''), enabled: !!databaseId });
  const views = useQuery({ ...allViewsQuery(databaseId ?? ''), enabled: !!databaseId });
  const collections = database.data?.collections.data ?? [];
  const miniviews = useQueries({ queries: collections.map((c) => selectionQueries.miniviews(String(c.ID))) });

  const miniviewsVersion = miniviews.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: useQueries returns a new array each render; the version says when it changed
  const data = useMemo((): PickerData | undefined => {
    if (!database.data) return undefined;
    const collection = opts.collectionId ? collections.find((c) => String(c.ID) === opts.collectionId) : undefined;
    const self = opts.selfViewId;
    const excluded = new Set<string>(self ? [self] : []);
    for (const v of views.data ?? []) if (self && v.ancestors.includes(self)) excluded.add(String(v.ID));
    return {
      fields: collection ? collection.fields.data : database.data.fields.data,
      interests: database.data.interests.data,
      miniviews: collections.flatMap((c, i) =>
        (miniviews[i]?.data?.data ?? [])
          .filter((m) => !isScratchName(m.name))
          .map((m) => ({ ID: String(m.ID), name: m.name, collection: c.name })),
      ),
      views: (views.data ?? []).map((v) => ({ ID: String(v.ID), name: v.name, path: v.path })),
      excludedViews: excluded,
    };
  }, [database.data, miniviewsVersion, views.data, opts.collectionId, opts.selfViewId]);

  return { data, database, error: database.error ?? views.error, isPending: database.isPending };
}
