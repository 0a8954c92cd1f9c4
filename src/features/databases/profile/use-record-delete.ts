import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { collectionQueries } from '@/api/collections';
import type { Paged } from '@/api/paging';
import { profileQueries } from '@/api/profiles';
import { type Subprofile, subprofileQueries } from '@/api/subprofiles';
import { scheduleDelete } from '@/components/undoable-delete/queue';
import { useT } from '@/i18n/i18n';
import { recordDeleteMessages } from './delete-messages';

export const profileDeletePath = (id: string) => `profile/${encodeURIComponent(id)}`;
export const subprofileDeletePath = (id: string) => `subprofile/${encodeURIComponent(id)}`;

/**
 * How many subprofiles a profile has, from the lists its page already loaded (one per collection; no extra
 * request). Undefined when a collection's list is not known.
 */
function knownSubprofileCount(qc: QueryClient, profileId: string, collectionIds: string[]): number | undefined {
  const totals = new Map<string, number>();
  for (const [key, data] of qc.getQueriesData<Paged<Subprofile>>({ queryKey: [...subprofileQueries.all(), 'of', profileId] })) {
    const collection = String(key[3]);
    if (data?.total !== undefined && !totals.has(collection)) totals.set(collection, data.total);
  }
  if (!collectionIds.every((c) => totals.has(c))) return undefined;
  return collectionIds.reduce((sum, c) => sum + (totals.get(c) ?? 0), 0);
}

/**
 * Undoable deletes of one profile or subprofile (DELETE profile/$id removes its subprofiles too,
 * docs/api/conventions.md §11): queued with Undo, sent after a few seconds or when the user leaves `route`.
 */
export function useRecordDelete() {
  const qc = useQueryClient();
  const t = useT(recordDeleteMessages);
  return {
    profile(id: string, collectionIds: string[], route: string) {
      const count = knownSubprofileCount(qc, id, collectionIds);
      scheduleDelete({
        path: profileDeletePath(id),
        label:
          count === undefined
            ? t('profileWithAllSubprofiles', { id })
            : count === 0
              ? t('profile', { id })
              : t('profileWithSubprofiles', { id, count }),
        route,
        onSettled: () =>
          Promise.all([
            qc.invalidateQueries({ queryKey: profileQueries.all() }),
            qc.invalidateQueries({ queryKey: subprofileQueries.all() }),
            qc.invalidateQueries({ queryKey: collectionQueries.all() }),
          ]),
      });
    },
    subprofile(id: string, route: string) {
      scheduleDelete({
        path: subprofileDeletePath(id),
        label: t('subprofile', { id }),
        route,
        onSettled: () =>
          Promise.all([
            qc.invalidateQueries({ queryKey: subprofileQueries.all() }),
            qc.invalidateQueries({ queryKey: collectionQueries.all() }),
          ]),
      });
    },
  };
}
