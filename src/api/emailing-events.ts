import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Query } from './client';
import type { EmailingSystem, TargetSource } from './emailing-shapes';
import type { Paged } from './paging';

/**
 * Event lists and destinations (docs/api/emailings.md §6, §8). The six event types exist at three
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
 * The HTML a destination received: `/{publisher,ms}/destination/$id/body/html` (docs/api/emailings.md §6
 * "Content sent"). Its reply is the message itself, not a JSON object, so it is read as text; a JSON
 * string or `{html}` is unwrapped in case the API wraps it.
 */
export async function fetchDestinationHtml(system: EmailingSystem, id: string, signal?: AbortSignal): Promise<string> {
  const text = await api.getText(`${destPath(system, id)}/body/html`, undefined, signal);
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
