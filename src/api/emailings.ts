import { queryOptions } from '@tanstack/react-query';
import { api, type Query } from './client';
import {
  type Counter,
  type Emailing,
  type EmailingStatistics,
  type EmailingSystem,
  normalizeEmailing,
  normalizeSnapshot,
  normalizeStatistics,
  type RawEmailing,
  type Snapshot,
  unwrapSingle,
} from './emailing-shapes';
import { type FetchAllProgress, fetchAll } from './paging';
import { emailingSchemas } from './schemas/emailings';

export * from './emailing-shapes';

/**
 * Query layer for the campaign-statistics pages (docs/api/emailings.md). Everything is GET; Publisher
 * and Marketing Suite (MS) live under different path prefixes with slightly different shapes, which
 * emailing-shapes.ts irons out into one `Emailing` type with a `system` discriminator.
 */

export type TimeRange = { begin?: string; end?: string };

/**
 * The list filters the API itself understands (docs/api/emailings.md §4.1/§4.2). `test` (`yes`, `no`,
 * `both`) exists on the Publisher list only; the Marketing Suite list has no test sends to leave out.
 */
export type EmailingListFilter = { fromdate?: string; todate?: string; test?: 'yes' | 'no' | 'both' };

/** Test sends are left out of overviews unless asked for: `test=no` on the Publisher list (§4.1). */
export const testFilter = (includeTests: boolean): Pick<EmailingListFilter, 'test'> => (includeTests ? {} : { test: 'no' });

const emailingPath = (system: EmailingSystem, id: string) => `${system}/emailing/${encodeURIComponent(id)}`;

/** Reads a whole emailing list (sorting and searching need all of it; the API cannot sort, §2 Ordering). */
export async function fetchAllEmailings(
  system: EmailingSystem,
  filter: EmailingListFilter,
  opts: { signal?: AbortSignal; onProgress?: (p: FetchAllProgress) => void } = {},
): Promise<Emailing[]> {
  const query: Query = { fromdate: filter.fromdate, todate: filter.todate, test: system === 'publisher' ? filter.test : undefined };
  const raw = await fetchAll<RawEmailing>(`${system}/emailings`, query, { ...opts, page: emailingSchemas.list });
  return raw.map((e) => normalizeEmailing(system, e));
}

/** `begintime`/`endtime` only when set (statistics endpoints, §7.1). */
export function rangeQuery(range: TimeRange | undefined): Query {
  return { begintime: range?.begin, endtime: range?.end };
}

export const emailingQueries = {
  all: () => ['emailings'] as const,
  scope: (system: EmailingSystem, id: string) => [...emailingQueries.all(), 'detail', system, id] as const,
  detail: (system: EmailingSystem, id: string) =>
    queryOptions({
      queryKey: emailingQueries.scope(system, id),
      queryFn: async ({ signal }) =>
        normalizeEmailing(system, unwrapSingle(await api.get(emailingPath(system, id), undefined, signal, emailingSchemas.emailing))),
    }),
  snapshot: (system: EmailingSystem, id: string) =>
    queryOptions({
      queryKey: [...emailingQueries.scope(system, id), 'snapshot'] as const,
      queryFn: async ({ signal }) =>
        normalizeSnapshot(unwrapSingle(await api.get(`${emailingPath(system, id)}/snapshot`, undefined, signal, emailingSchemas.object))),
      staleTime: Number.POSITIVE_INFINITY, // a snapshot is frozen by definition (§5.1)
    }),
  /** Statistics, optionally for a time window (§7.1, §7.5). Cached per emailing + range. */
  statistics: (system: EmailingSystem, id: string, range?: TimeRange) =>
    queryOptions({
      queryKey: [...emailingQueries.scope(system, id), 'statistics', range ?? {}] as const,
      queryFn: async ({ signal }): Promise<EmailingStatistics> =>
        normalizeStatistics(await api.get(`${emailingPath(system, id)}/statistics`, rangeQuery(range), signal, emailingSchemas.object)),
      staleTime: 60_000,
    }),
  /** The Publisher document's current name: the Email condition selects by document name (docs/api/selections.md §4.6). */
  documentName: (documentId: string) =>
    queryOptions({
      queryKey: ['publisher-document', documentId, 'name'] as const,
      queryFn: async ({ signal }) =>
        String(
          unwrapSingle(await api.get<{ name?: string }>(`publisher/document/${encodeURIComponent(documentId)}`, { source: false }, signal))
            .name ?? '',
        ),
      staleTime: 5 * 60_000,
    }),
};

export type { Counter, Emailing, EmailingStatistics, EmailingSystem, Snapshot };

/** A test or final group of a Publisher split run (docs/api/emailings.md §5.3). */
export type SplitGroup = { ID: string; name: string; subject: string; destinations: number; timestamp: string; isFinal: boolean };

const toGroup = (raw: Record<string, unknown>, isFinal: boolean): SplitGroup => ({
  ID: String(raw.ID ?? raw.id ?? ''),
  name: String(raw.name ?? ''),
  subject: String(raw.subject ?? ''),
  destinations: Number(raw.destinations ?? 0) || 0,
  timestamp: String(raw.timestamp ?? ''),
  isFinal,
});

export const splitRunQueries = {
  /** The test groups, then the final group when there is one. */
  groups: (emailingId: string) =>
    queryOptions({
      queryKey: [...emailingQueries.scope('publisher', emailingId), 'groups'] as const,
      queryFn: async ({ signal }) => {
        const path = emailingPath('publisher', emailingId);
        const tests = await api.get<{ data: Record<string, unknown>[] }>(`${path}/testgroups`, undefined, signal);
        const final = await api.get<Record<string, unknown>>(`${path}/finalgroup`, undefined, signal).catch(() => undefined);
        const groups = tests.data.map((g) => toGroup(g, false));
        const finalGroup = final ? unwrapSingle(final) : undefined;
        if (finalGroup && (finalGroup.ID ?? finalGroup.id)) groups.push(toGroup(finalGroup, true));
        return groups;
      },
    }),
  /** Testgroup statistics have no destinations or deliveries, counters as strings (§5.3). */
  statistics: (groupId: string) =>
    queryOptions({
      queryKey: ['publisher-testgroup', groupId, 'statistics'] as const,
      queryFn: async ({ signal }) =>
        normalizeStatistics(
          await api.get(`publisher/testgroup/${encodeURIComponent(groupId)}/statistics`, undefined, signal, emailingSchemas.object),
        ),
    }),
};
