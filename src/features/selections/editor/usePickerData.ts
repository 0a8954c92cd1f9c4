import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { databaseQueries } from '@/api/databases';
import { firstLoadError, refetchFailed } from '@/api/query-data';
import { selectionQueries, type ViewWithPath } from '@/api/selections';
import { isScratchName } from '../live/scratch-selection';
import type { PickerData } from './picker-data';

const withoutScratches = (all: ViewWithPath[]) => all.filter((v) => !isScratchName(v.name));

/** Every view of a database with its path, scratch selections left out. */
export function useAllViews(databaseId: string, enabled = true) {
  return useQuery({ ...selectionQueries.allViews(databaseId), select: withoutScratches, enabled });
}

/** The pickers' data for an editor: fields of the scope, interests, all miniviews, all views. */
export function usePickerData(databaseId: string | undefined, opts: { collectionId?: string; selfViewId?: string }) {
  const database = useQuery({ ...databaseQueries.detail(databaseId ?? ''), enabled: !!databaseId });
  const views = useAllViews(databaseId ?? '', !!databaseId);
  const collections = database.data?.collections.data ?? [];
  const miniviews = useQueries({ queries: collections.map((c) => selectionQueries.miniviews(String(c.ID))) });

  const miniviewsVersion = miniviews.map((q) => q.dataUpdatedAt).join(',');
  // Ready once everything has arrived, not piece by piece: the editor mounts once, and its pickers' options
  // do not change under the user's typing as late lists come in.
  const ready = !!database.data && !!views.data && miniviews.every((q) => q.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: useQueries returns a new array each render; the version says when it changed
  const data = useMemo((): PickerData | undefined => {
    if (!ready || !database.data) return undefined;
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
  }, [ready, database.data, miniviewsVersion, views.data, opts.collectionId, opts.selfViewId]);

  const retry = () => refetchFailed(database, views, ...miniviews);
  return { data, database, error: firstLoadError(database, views, ...miniviews), retry };
}
