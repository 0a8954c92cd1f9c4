/**
 * The one fetch wrapper of the SPA. Every call goes to the same-origin gateway (`/api/v3/…`), which
 * adds the access token; the browser never sees it. Copernica answers every error as HTTP 400 with
 * `{"error":{"message":"…"}}` (docs/api/conventions.md §5); the gateway adds 401 (no session),
 * 403 (refused), 429 (rate limit) and 5xx in the same shape.
 */

import { sleep } from '@/lib/sleep';
import { ApiError, NetworkError, UnexpectedShapeError } from './errors';
import { announceWait } from './retry-status';
import {
  ATTEMPT_TIMEOUT_MS,
  decide,
  isAlreadyRemovedMessage,
  MAX_BUSY_WAIT_TOTAL_MS,
  MAX_BUSY_WAITS,
  type Method,
  type Outcome,
  READ_DEADLINE_MS,
} from './status-policy';

export { ApiError, isNotFound, NetworkError, UnexpectedShapeError } from './errors';

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

/** How often a call waits for a busy server (429, or 503 with Retry-After) before it reports the failure. */
export const RATE_LIMIT_RETRIES = MAX_BUSY_WAITS;

/** Waits `ms`, visible to the shell as a countdown; an abort (navigation, unmount) ends the wait at once. */
async function wait(ms: number, busy: boolean, signal?: AbortSignal): Promise<void> {
  const done = announceWait({ until: Date.now() + ms, busy });
  try {
    await sleep(ms, signal);
  } finally {
    done();
  }
}

/** One attempt's signal: the caller's abort, plus a timer (setTimeout, so tests can drive it with a fake clock). */
function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => {
            timedOut = true;
            controller.abort(new DOMException('The API did not answer in time', 'TimeoutError'));
          },
          Math.max(0, timeoutMs),
        );
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * Sends one call and applies the status policy (status-policy.ts): retries what may succeed on a second
 * try, waits as long as a busy server asks, gives a hung read a deadline, and reports the rest.
 */
async function request(method: Method, path: string, { query, body, signal, keepalive }: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...ORRERY_HEADER, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `/api/v3/${path.replace(/^\/+/, '')}${toQueryString(query)}`;
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    // Outlives the page: a delete sent while the user leaves still reaches the server.
    keepalive,
  };
  const isRead = method === 'GET';
  let deadline = isRead ? Date.now() + READ_DEADLINE_MS : Number.POSITIVE_INFINITY;
  let failures = 0;
  let busyWaits = 0;
  let busyWaited = 0;
  for (;;) {
    signal?.throwIfAborted();
    const attempt = attemptSignal(signal, isRead ? Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()) : undefined);
    let outcome: Outcome;
    let failure: Error;
    try {
      const res = await fetch(url, { ...init, signal: attempt.signal });
      if (res.ok || res.status === 303) return res;
      failure = await errorFrom(res);
      if (res.status === 401) onUnauthorized();
      // Deleting what is already gone reached the goal (after a retry, a second click, another tab).
      if (method === 'DELETE' && res.status === 400 && isAlreadyRemovedMessage(failure.message)) return new Response(null, { status: 204 });
      outcome = { kind: 'status', status: res.status, retryAfter: res.headers.get('Retry-After') };
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error; // the caller gave up: not a failure
      // fetch rejects with a TypeError when there is no answer; anything else (our own timeout aside) is a bug to report as is.
      if (!(error instanceof TypeError) && !attempt.timedOut()) throw error;
      // Offline: no point retrying now; the query layer waits for the connection.
      if (isOffline()) throw new NetworkError({ offline: true });
      failure = new NetworkError({ timedOut: attempt.timedOut() });
      outcome = { kind: 'network' };
    } finally {
      attempt.clear();
    }
    const decision = decide(method, outcome, { failures, busyWaits });
    if (!decision.retry) throw failure;
    if (decision.busy) {
      busyWaits++;
      busyWaited += decision.delayMs;
      if (busyWaited > MAX_BUSY_WAIT_TOTAL_MS) throw failure;
      deadline += decision.delayMs; // waiting as asked does not eat into the read's own deadline
    } else {
      failures++;
      if (Date.now() + decision.delayMs >= deadline) throw failure;
    }
    await wait(decision.delayMs, decision.busy, signal);
  }
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

/** Anything with zod's `safeParse` (a zod/mini schema): answers are checked, not cast. */
export type ResponseSchema<T> = {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
};
type Issue = { path: readonly PropertyKey[]; message: string };

async function readJson(res: Response, path: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    // An HTML page from a proxy, or a body cut off halfway.
    throw new UnexpectedShapeError(path, text.trimStart().startsWith('<') ? 'HTML instead of JSON' : 'not valid JSON');
  }
}

export function parseWith<T>(schema: ResponseSchema<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UnexpectedShapeError(path, issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid');
}

export const api = {
  /** GET a JSON answer; with a `schema` the answer is validated (an unexpected shape is an error, not a crash later). */
  async get<T>(path: string, query?: Query, signal?: AbortSignal, schema?: ResponseSchema<T>): Promise<T> {
    const res = await request('GET', path, { query, signal });
    const data = await readJson(res, path);
    return schema ? parseWith(schema, data, path) : (data as T);
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

/**
 * "Already removed" on DELETE means the goal is reached, as Copernica's own client treats it
 * (docs/api/conventions.md §5). The client already answers such a DELETE as a success; this is for callers
 * that meet the message elsewhere.
 */
export function isAlreadyGone(error: unknown): boolean {
  return error instanceof ApiError && isAlreadyRemovedMessage(error.message);
}
