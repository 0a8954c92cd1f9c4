import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { type EmailingEvent, eventQueries } from '@/api/emailing-events';
import { destinationUrl } from '../utils/format.utils';
import { eventEmailingId, INDEX_PAGE_SIZE, indexByInternal, neededInternals, pagesWanted } from './destinationLinks.utils';

/**
 * Links for the `destination` column of Publisher events (destinationLinks.utils.ts explains why the
 * hash is looked up). One cached list query per 1000 destinations per emailing on the visible page —
 * the same queries for every page of events — never one request per row.
 */
export function usePublisherDestinationLinks(events: EmailingEvent[], enabled: boolean): (event: EmailingEvent) => string | undefined {
  const needed = useMemo(() => (enabled ? neededInternals(events) : new Map<string, Set<string>>()), [events, enabled]);
  const [pages, setPages] = useState<Record<string, number>>({});
  const plan = [...needed.keys()].flatMap((emailing) =>
    Array.from({ length: Math.max(1, pages[emailing] ?? 1) }, (_, i) => ({ emailing, start: i * INDEX_PAGE_SIZE })),
  );
  const results = useQueries({
    queries: plan.map(({ emailing, start }) => ({
      ...eventQueries.destinations('publisher', emailing, {}, { start, limit: INDEX_PAGE_SIZE }),
      staleTime: 5 * 60_000, // a sent message's hash and number never change
    })),
  });

  const loaded = new Map<string, EmailingEventPages>();
  plan.forEach(({ emailing }, i) => {
    const entry = loaded.get(emailing) ?? { pages: [], complete: true };
    const data = results[i]?.data;
    if (data && !results[i]?.isPlaceholderData) entry.pages.push(data.data);
    else entry.complete = false;
    loaded.set(emailing, entry);
  });

  // Read one more list page for an emailing whose numbers are not all found yet (capped).
  const growth = [...loaded].flatMap(([emailing, entry]) => {
    if (!entry.complete) return [];
    const want = pagesWanted(entry.pages, needed.get(emailing) ?? new Set());
    return want > entry.pages.length ? [[emailing, want] as const] : [];
  });
  const growthKey = growth.length ? JSON.stringify(growth) : '';
  useEffect(() => {
    if (!growthKey) return;
    setPages((prev) => {
      const next = { ...prev };
      for (const [e, n] of JSON.parse(growthKey) as [string, number][]) next[e] = Math.max(next[e] ?? 1, n);
      return next;
    });
  }, [growthKey]);

  const indexes = new Map([...loaded].map(([emailing, entry]) => [emailing, indexByInternal(entry.pages)]));
  return (event) => {
    const emailing = eventEmailingId(event);
    if (!emailing || event.destination === undefined || event.destination === null) return undefined;
    const hash = indexes.get(emailing)?.get(String(event.destination));
    return hash ? destinationUrl('publisher', emailing, hash) : undefined;
  };
}

type EmailingEventPages = { pages: Parameters<typeof indexByInternal>[0]; complete: boolean };
