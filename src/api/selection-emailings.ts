import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Paged } from './paging';

/**
 * The few Publisher calls the Email condition form needs (docs/api/emailings.md §4.1, §8, §10): the Email
 * condition speaks of a *document name* and a *clicked URL*, so picking an emailing means reading its
 * document's name, and picking a link means reading the links people clicked in it.
 */
export type PublisherEmailingItem = { id: string; timestamp: string; subject: string; document: string; template: string };

const NEWEST = 200;

export const selectionEmailingQueries = {
  /** The newest emailings: the API lists oldest first and cannot sort (docs/api/emailings.md §2), so read the total, then the tail. */
  recent: () =>
    queryOptions({
      queryKey: ['selections', 'emailings', 'publisher', 'recent'] as const,
      queryFn: async ({ signal }) => {
        const head = await api.get<Paged<PublisherEmailingItem>>('publisher/emailings', { start: 0, limit: 1, total: true }, signal);
        const total = head.total ?? head.count;
        const start = Math.max(0, total - NEWEST);
        const page = await api.get<Paged<PublisherEmailingItem>>('publisher/emailings', { start, limit: NEWEST, total: false }, signal);
        return page.data.map((e) => ({ ...e, id: String(e.id) })).reverse();
      },
      staleTime: 60_000,
    }),
  documentName: (documentId: string) =>
    queryOptions({
      queryKey: ['selections', 'emailings', 'document', documentId] as const,
      queryFn: async ({ signal }) =>
        (await api.get<{ name: string }>(`publisher/document/${encodeURIComponent(documentId)}`, { source: false }, signal)).name,
      staleTime: 300_000,
    }),
  /** Distinct clicked links of one emailing (first 1000 clicks). */
  clickedLinks: (emailingId: string) =>
    queryOptions({
      queryKey: ['selections', 'emailings', emailingId, 'links'] as const,
      queryFn: async ({ signal }) => {
        const page = await api.get<Paged<{ link: string }>>(
          `publisher/emailing/${encodeURIComponent(emailingId)}/clicks`,
          { limit: 1000, total: false },
          signal,
        );
        return [...new Set(page.data.map((c) => c.link).filter(Boolean))].sort();
      },
      staleTime: 300_000,
    }),
};
