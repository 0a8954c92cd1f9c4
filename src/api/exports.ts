import { ApiError, ORRERY_HEADER, toQueryString } from './client';
import type { EventScope, EventTimeFilter, EventType } from './emailing-events';
import { eventsPath, eventTimeQuery } from './emailing-events';

/**
 * CSV exports of any size. The gateway pages through the API itself and streams the file
 * (`/export/…`, server/gateway/README.md "Exports"); the browser saves it like any download, so no row
 * is ever held in the page. A random job id in the URL lets the page follow progress and cancel.
 */

export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled';
export type ExportJob = { rows: number; written: number; total?: number; state: ExportJobState; message?: string };

export function newExportJobId(): string {
  return crypto.randomUUID();
}

/** Every profile of a database matching the `fields[]` conditions. */
export function profilesExportUrl(databaseId: string, filter: readonly string[], job: string): string {
  return `/export/database/${encodeURIComponent(databaseId)}/profiles.csv${toQueryString({ fields: filter.length ? filter : undefined, job })}`;
}

/** An event list with the time filter of its system; `match` keeps only events whose property equals a value. */
export function eventsExportUrl(
  scope: EventScope,
  type: EventType,
  filter: EventTimeFilter | undefined,
  match: { field: string; value: string } | undefined,
  job: string,
): string {
  const query = { ...eventTimeQuery(scope.system, filter), matchField: match?.field, matchValue: match?.value, job };
  return `/export/${eventsPath(scope, type)}.csv${toQueryString(query)}`;
}

/** Progress of a running export; undefined while the gateway has not seen the download (yet). */
export async function fetchExportJob(job: string, signal?: AbortSignal): Promise<ExportJob | undefined> {
  const res = await fetch(`/export/jobs/${encodeURIComponent(job)}`, { headers: ORRERY_HEADER, signal });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new ApiError(res.status, await errorText(res));
  return (await res.json()) as ExportJob;
}

/** Stops an export: the gateway stops paging and breaks the download off. */
export async function cancelExport(job: string): Promise<void> {
  const res = await fetch(`/export/jobs/${encodeURIComponent(job)}/cancel`, {
    method: 'POST',
    headers: { ...ORRERY_HEADER, 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!res.ok && res.status !== 404) throw new ApiError(res.status, await errorText(res));
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not our JSON error shape
  }
  return res.statusText || `HTTP ${res.status}`;
}
