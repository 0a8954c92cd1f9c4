/**
 * The one fetch wrapper of the SPA. Every call goes to the same-origin gateway (`/api/v3/…`), which
 * adds the access token; the browser never sees it. Copernica answers every error as HTTP 400 with
 * `{"error":{"message":"…"}}` (docs/api/conventions.md §5); the gateway adds 401 (no session),
 * 403 (refused), 429 (rate limit) and 5xx in the same shape.
 */

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** Serialises like Copernica expects: arrays as repeated `key[]=` (the `fields[]` filter). */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(`${key}[]`, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => {};
/** The app registers what a 401 means (sign in, then come back); kept out of this module to stay testable. */
export function setUnauthorizedHandler(handler: Unauthorized) {
  onUnauthorized = handler;
}

export const ORRERY_HEADER = { 'X-Requested-With': 'orrery' } as const;

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; keepalive?: boolean };

async function errorFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed?.error?.message === 'string') message = parsed.error.message;
  } catch {
    // Not JSON (e.g. a load balancer's HTML page): keep the status text.
  }
  return new ApiError(res.status, message);
}

/** How often a call the gateway refused with 429 (rate limit) is tried again; it was not executed, so any verb may retry. */
export const RATE_LIMIT_RETRIES = 5;

function retryDelayMs(res: Response, attempt: number): number {
  const seconds = Number(res.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 250 * 2 ** attempt;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

async function request(method: string, path: string, { query, body, signal, keepalive }: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...ORRERY_HEADER, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `/api/v3/${path.replace(/^\/+/, '')}${toQueryString(query)}`;
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
    // Outlives the page: a delete sent while the user leaves still reaches the server.
    keepalive,
  };
  let res = await fetch(url, init);
  // Long pulls (exports, bulk edits, imports) may hit the gateway's per-session rate limit: wait as told.
  for (let attempt = 0; res.status === 429 && attempt < RATE_LIMIT_RETRIES; attempt++) {
    await sleep(retryDelayMs(res, attempt), signal ?? undefined);
    res = await fetch(url, init);
  }
  if (res.status === 401) onUnauthorized();
  if (!res.ok && res.status !== 303) throw await errorFrom(res);
  return res;
}

/** What a write tells us: the new entity's ID on create (`X-Created`, or the last segment of `X-location`). */
export type WriteResult = { createdId?: string; deleted?: string };

function writeResult(res: Response): WriteResult {
  const created = res.headers.get('X-Created') ?? lastSegment(res.headers.get('X-location') ?? res.headers.get('Location'));
  const deleted = res.headers.get('X-deleted') ?? undefined;
  return { createdId: res.status === 201 ? (created ?? undefined) : undefined, deleted };
}

function lastSegment(url: string | null): string | null {
  if (!url) return null;
  const m = /\/(\d+)(?:\?.*)?$/.exec(url);
  return m?.[1] ?? null;
}

export const api = {
  async get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    const res = await request('GET', path, { query, signal });
    return (await res.json()) as T;
  },
  /** For the few calls whose answer is not JSON (a destination's HTML body). */
  async getText(path: string, query?: Query, signal?: AbortSignal): Promise<string> {
    const res = await request('GET', path, { query, signal });
    return res.text();
  },
  async post(path: string, body?: unknown, query?: Query): Promise<WriteResult> {
    return writeResult(await request('POST', path, { body: body ?? {}, query }));
  },
  async put(path: string, body?: unknown, query?: Query): Promise<WriteResult> {
    return writeResult(await request('PUT', path, { body: body ?? {}, query }));
  },
  async delete(path: string, body?: unknown, options?: { keepalive?: boolean }): Promise<WriteResult> {
    return writeResult(await request('DELETE', path, { body, keepalive: options?.keepalive }));
  },
};

/** Treat "already removed" on DELETE as success, as Copernica's own client does (docs/api/conventions.md §5). */
export function isAlreadyGone(error: unknown): boolean {
  return error instanceof ApiError && /(has already been (removed|deleted)|s already (removed|deleted))/.test(error.message);
}
