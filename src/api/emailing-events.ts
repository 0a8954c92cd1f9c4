import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError, api, ORRERY_HEADER, type Query } from './client';
import type { EmailingSystem, TargetSource } from './emailing-shapes';
import type { Paged } from './paging';

/**
 * Event lists and destinations (shared/api/emailings.md §6, §8). The six event types exist at three
 * scopes (emailing, destination, account) in both systems. The time filter differs per system:
 * Publisher filters with `fields[]=timestamp<op>…`, MS with `begintime`/`endtime` (§2, §8).
 */

export const EVENT_TYPES = ['deliveries', 'impressions', 'clicks', 'errors', 'unsubscribes', 'abuses'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export function isEventType(s: unknown): s is EventType {
  return typeof s === 'string' && (EVENT_TYPES as readonly string[]).includes(s);
}

/** One event as the API sends it: common keys plus per-type ones (§8.1). Values stay as sent. */
export type EmailingEvent = { ID: string; timestamp: string; destination?: string | number | null } & Record<string, unknown>;

export type EventScope =
  | { kind: 'emailing'; system: EmailingSystem; id: string }
  | { kind: 'destination'; system: EmailingSystem; id: string }
  | { kind: 'account'; system: EmailingSystem };

export type EventTimeFilter = { begin?: string; end?: string };

export function eventsPath(scope: EventScope, type: EventType): string {
  if (scope.kind === 'account') return `${scope.system}/${type}`;
  return `${scope.system}/${scope.kind}/${encodeURIComponent(scope.id)}/${type}`;
}

/** The documented time filter per system: begin inclusive, end exclusive (§2 Boundaries). */
export function eventTimeQuery(system: EmailingSystem, filter: EventTimeFilter | undefined): Query {
  if (!filter?.begin && !filter?.end) return {};
  if (system === 'ms') return { begintime: filter.begin, endtime: filter.end };
  const fields: string[] = [];
  if (filter.begin) fields.push(`timestamp>=${filter.begin}`);
  if (filter.end) fields.push(`timestamp<${filter.end}`);
  return { fields };
}

export type PullProgress = { fetched: number; total?: number };

/**
 * The gateway answers 429 (with Retry-After) when one session asks too much at once; the statistics
 * fan-outs of these pages can get there. Wait and ask again, a few times; anything else fails at once.
 */
export async function retryOn429<T>(call: () => Promise<T>, signal?: AbortSignal, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 429) || i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * i));
      signal?.throwIfAborted();
    }
  }
}

/** For queries: retry what the default policy retries (5xx, network) and also 429. */
export const retryRateLimited = (count: number, error: unknown) =>
  count < 3 && (!(error instanceof ApiError) || error.status === 429 || error.status >= 500);
export const retryDelay = (count: number) => 1000 * (count + 1);

/**
 * Reads a whole list, 1000 per request (the documented maximum, §2 Paging), asking `total` once so a
 * progress bar can show how far it is. Aborts between and during requests via `signal`.
 */
export async function pullAll<T>(
  path: string,
  query: Query,
  opts: { signal?: AbortSignal; onProgress?: (p: PullProgress) => void; pageSize?: number } = {},
): Promise<T[]> {
  const limit = opts.pageSize ?? 1000;
  const out: T[] = [];
  let total: number | undefined;
  for (let start = 0; ; ) {
    opts.signal?.throwIfAborted();
    const page = await retryOn429(
      () => api.get<Paged<T>>(path, { ...query, start, limit, total: total === undefined }, opts.signal),
      opts.signal,
    );
    if (total === undefined) total = page.total;
    out.push(...page.data);
    opts.onProgress?.({ fetched: out.length, total });
    if (page.count < limit || page.data.length === 0 || (total !== undefined && out.length >= total)) return out;
    start += page.count;
  }
}

export type EventPage = { start: number; limit: number };

export type Destination = {
  ID: string;
  timestampsent: string;
  /** Publisher: the sequential number that events use as `destination` (§6). */
  internal?: string;
  messageID?: string;
  profile: string | null;
  subprofile: string | null;
  mailing: string;
};

export type DestinationFilter = { sentFrom?: string; sentTo?: string; unsubscribedOnly?: boolean };

/** `fields[]` on `timestampsent` (both systems) and MS `Unsubscribed=true` (§6). */
export function destinationQuery(system: EmailingSystem, filter: DestinationFilter): Query {
  const fields: string[] = [];
  if (filter.sentFrom) fields.push(`timestampsent>=${filter.sentFrom}`);
  if (filter.sentTo) fields.push(`timestampsent<${filter.sentTo}`);
  return {
    fields: fields.length ? fields : undefined,
    Unsubscribed: system === 'ms' && filter.unsubscribedOnly ? 'true' : undefined,
  };
}

const s = (v: unknown) => (v === undefined || v === null ? null : String(v));

export function normalizeDestination(raw: Record<string, unknown>): Destination {
  return {
    ID: String(raw.ID ?? raw.id ?? ''),
    timestampsent: String(raw.timestampsent ?? ''),
    internal: s(raw.internal) ?? undefined,
    messageID: s(raw.messageID) ?? undefined,
    profile: s(raw.profile),
    subprofile: s(raw.subprofile),
    mailing: String(raw.mailing ?? ''),
  };
}

export type DestinationStatistics = Record<EventType | 'retries', { total: number; unique?: number }>;

const destPath = (system: EmailingSystem, id: string) => `${system}/destination/${encodeURIComponent(id)}`;

export const eventQueries = {
  all: () => ['emailing-events'] as const,
  /** One page of events (tables). */
  page: (scope: EventScope, type: EventType, filter: EventTimeFilter, page: EventPage) =>
    queryOptions({
      queryKey: [...eventQueries.all(), scope, type, filter, 'page', page] as const,
      queryFn: ({ signal }) =>
        api.get<Paged<EmailingEvent>>(eventsPath(scope, type), { ...eventTimeQuery(scope.system, filter), ...page }, signal),
      placeholderData: keepPreviousData,
      retry: retryRateLimited,
      retryDelay,
    }),
  /** The destinations of an emailing, one page (§6). */
  destinations: (system: EmailingSystem, emailingId: string, filter: DestinationFilter, page: EventPage) =>
    queryOptions({
      queryKey: ['emailing-destinations', system, emailingId, filter, page] as const,
      queryFn: async ({ signal }) => {
        const reply = await api.get<Paged<Record<string, unknown>>>(
          `${system}/emailing/${encodeURIComponent(emailingId)}/destinations`,
          { ...destinationQuery(system, filter), ...page },
          signal,
        );
        return { ...reply, data: reply.data.map(normalizeDestination) };
      },
      placeholderData: keepPreviousData,
    }),
  destination: (system: EmailingSystem, id: string) =>
    queryOptions({
      queryKey: ['emailing-destination', system, id] as const,
      queryFn: async ({ signal }) => normalizeDestination(await api.get<Record<string, unknown>>(destPath(system, id), undefined, signal)),
    }),
  destinationStatistics: (system: EmailingSystem, id: string) =>
    queryOptions({
      queryKey: ['emailing-destination', system, id, 'statistics'] as const,
      queryFn: ({ signal }) => api.get<DestinationStatistics>(`${destPath(system, id)}/statistics`, undefined, signal),
    }),
  /** The database ID of a view/collection/miniview target, when `target.sources` does not name it. */
  databaseOf: (source: TargetSource) =>
    queryOptions({
      queryKey: ['target-database', source.type, source.id] as const,
      queryFn: async ({ signal }) => {
        const path = source.type === 'miniview' ? 'miniview' : source.type === 'collection' ? 'collection' : 'view';
        const reply = await api.get<{ database?: unknown; collection?: unknown }>(
          `${path}/${encodeURIComponent(source.id)}`,
          undefined,
          signal,
        );
        if (reply.database !== undefined && reply.database !== null) return String(reply.database);
        if (path === 'miniview' && reply.collection !== undefined) {
          const col = await api.get<{ database?: unknown }>(
            `collection/${encodeURIComponent(String(reply.collection))}`,
            undefined,
            signal,
          );
          return String(col.database ?? '');
        }
        return '';
      },
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

/**
 * The HTML a destination received: `/{publisher,ms}/destination/$id/body/html` (emailings.md §6
 * "Content sent"). Its reply is the message itself, not a JSON object, so it is read as text; a JSON
 * string or `{html}` is unwrapped in case the API wraps it.
 */
export async function fetchDestinationHtml(system: EmailingSystem, id: string, signal?: AbortSignal): Promise<string> {
  const res = await fetch(`/api/v3/${destPath(system, id)}/body/html`, {
    headers: { ...ORRERY_HEADER },
    credentials: 'same-origin',
    signal,
  });
  const text = await res.text();
  if (!res.ok) {
    let message = res.statusText || `HTTP ${res.status}`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, message);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'string') return parsed;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { html?: unknown }).html === 'string')
      return (parsed as { html: string }).html;
  } catch {
    // plain HTML, as documented
  }
  return text;
}

export const destinationHtmlQuery = (system: EmailingSystem, id: string) =>
  queryOptions({
    queryKey: ['emailing-destination', system, id, 'html'] as const,
    queryFn: ({ signal }) => fetchDestinationHtml(system, id, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
