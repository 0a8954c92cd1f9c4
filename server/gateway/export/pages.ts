import { errorMessage, INVALID_TOKEN, jsonOrUndefined } from '../upstream.ts';

/**
 * Reads lists from the configured API on behalf of one session, one page at a time. Calls are made
 * strictly one after another (one user's export must not hammer the API), every call honours the
 * export's AbortSignal, and the token only ever goes into the URL sent to `apiUrl`, never into an
 * error or a log line.
 */

export const PAGE_SIZE = 1000; // the documented maximum (docs/api/conventions.md §6.2)

export type Page = { count: number; total?: number; data: Record<string, unknown>[] };
export type Query = [string, string][];

/** What went wrong upstream, safe to show and log (no URL, no token). */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly status: number,
    message: string,
    /** Copernica no longer accepts the session's token */
    readonly tokenRejected = false,
  ) {
    super(message);
  }
}

export interface ApiReader {
  get(path: string, query: Query, signal: AbortSignal): Promise<unknown>;
}

const MAX_RATE_LIMIT_WAITS = 5;
const MAX_WAIT_SECONDS = 30;

/** A reader for `apiUrl` with the session's token; `timeoutMs` bounds each call. */
export function apiReader(apiUrl: string, token: string, timeoutMs: number): ApiReader {
  const api = new URL(`${apiUrl}/`);
  const basePath = api.pathname.replace(/\/$/, '');
  return {
    async get(path, query, signal) {
      const params = new URLSearchParams(query);
      params.append('access_token', token);
      const url = new URL(`${apiUrl}/v3/${path}?${params}`);
      // the path segments are ours (validated ids), but check the result stays on the API like the proxy does
      if (url.origin !== api.origin || !url.pathname.startsWith(`${basePath}/v3/`)) throw new UpstreamError(400, 'Invalid API path');
      for (let waits = 0; ; waits++) {
        let res: Response;
        try {
          res = await fetch(url, {
            headers: { accept: 'application/json', 'user-agent': 'orrery-gateway' },
            redirect: 'manual',
            signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
          });
        } catch (e) {
          if (signal.aborted) throw signal.reason;
          if ((e as Error).name === 'TimeoutError') throw new UpstreamError(504, 'Copernica did not answer in time');
          throw new UpstreamError(502, 'Copernica is unavailable');
        }
        if (res.status === 429 && waits < MAX_RATE_LIMIT_WAITS) {
          await res.body?.cancel();
          const seconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, Number(res.headers.get('retry-after')) || 1));
          await abortableDelay(seconds * 1000, signal);
          continue;
        }
        const text = await res.text();
        const body = jsonOrUndefined(text);
        if (res.status === 200 && body !== undefined) return body;
        const message = errorMessage(body);
        if (message === INVALID_TOKEN) throw new UpstreamError(401, message, true);
        if (res.status >= 400 && res.status < 500) throw new UpstreamError(res.status, message ?? `HTTP ${res.status}`);
        throw new UpstreamError(502, 'Copernica sent an unexpected answer');
      }
    },
  };
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', stop, { once: true });
  });
}

function asPage(body: unknown): Page {
  const page = body as Partial<Page> | undefined;
  if (!page || !Array.isArray(page.data)) throw new UpstreamError(502, 'Copernica sent an unexpected answer');
  return { count: page.data.length, total: typeof page.total === 'number' ? page.total : undefined, data: page.data };
}

/**
 * Pages of a (sub)profile list by ID cursor (docs/api/conventions.md §6.3): `orderby=id`, `start=0`,
 * `fields[]=id>LAST` next to the user's conditions, until a page is not full. Unlike offsets, rows that
 * are added or removed meanwhile cannot shift the rest: every row that exists throughout is read exactly
 * once. A real field called `id` would take the condition over (§7), so then offsets are the fallback.
 * `total` is asked on the first call only (it costs the API a count).
 */
export async function* recordPages(
  reader: ApiReader,
  path: string,
  filters: string[],
  byId: boolean,
  signal: AbortSignal,
): AsyncGenerator<Page> {
  let lastId = 0;
  for (let start = 0, first = true; ; first = false) {
    const query: Query = [
      ['limit', String(PAGE_SIZE)],
      ['dataonly', 'true'],
      ['total', String(first)],
      ['orderby', 'id'],
      ['order', 'asc'],
      ['start', String(byId ? 0 : start)],
      ...filters.map((f): [string, string] => ['fields[]', f]),
    ];
    if (byId) query.push(['fields[]', `id>${lastId}`]);
    const page = asPage(await reader.get(path, query, signal));
    yield page;
    if (page.count < PAGE_SIZE) return;
    const next = Number((page.data[page.count - 1] as { ID?: unknown }).ID);
    if (byId && !(next > lastId)) throw new UpstreamError(502, 'Copernica sent the profiles out of order');
    lastId = next;
    start += page.count;
  }
}

/**
 * Pages of an event list by offset, the paging those lists document (docs/api/emailings.md §8): events
 * are only ever added after the existing ones, so offsets do not shift under a running export.
 */
export async function* eventPages(reader: ApiReader, path: string, filters: Query, signal: AbortSignal): AsyncGenerator<Page> {
  for (let start = 0, first = true; ; first = false) {
    const page = asPage(
      await reader.get(path, [['start', String(start)], ['limit', String(PAGE_SIZE)], ['total', String(first)], ...filters], signal),
    );
    yield page;
    if (page.count < PAGE_SIZE) return;
    start += page.count;
  }
}
