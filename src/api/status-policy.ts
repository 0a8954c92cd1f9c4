/**
 * The status policy: for every answer (or missing answer) of the API, whether the client tries again and
 * after how long. Pure functions, so the whole policy is readable and testable in one place; `client.ts`
 * runs the loop. Copernica answers client errors as 400 (docs/api/conventions.md §5), the gateway adds
 * 401/403/429/5xx; retrying a 4xx cannot help, except 429, which was not executed at all.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What one attempt produced. `network` covers resets, refused connections and per-attempt timeouts. */
export type Outcome = { kind: 'network' } | { kind: 'status'; status: number; retryAfter?: string | null };

/** Failures (not counting waits the server asked for) after which a method gives up. */
export const MAX_RETRIES: Record<Method, number> = { GET: 3, PUT: 1, DELETE: 1, POST: 0 };

/** Back-off before retry n (1-based): 1 s, 2 s, 4 s … plus 0–20 % jitter so many tabs do not retry in step. */
export const BACKOFF_BASE_MS = 1000;
export const JITTER = 0.2;

/** `Retry-After` is honoured within these bounds (a missing or silly value must not stall or hammer). */
export const RETRY_AFTER_MIN_MS = 1000;
export const RETRY_AFTER_MAX_MS = 60_000;
/** How often, and how long in total, one call waits for a busy server before it reports the failure. */
export const MAX_BUSY_WAITS = 5;
export const MAX_BUSY_WAIT_TOTAL_MS = 120_000;

/**
 * A read that hangs: each attempt is aborted after `ATTEMPT_TIMEOUT_MS` (a backstop; the gateway itself
 * answers 504 after 30 s) and the read as a whole after `READ_DEADLINE_MS` plus any busy waits.
 */
export const ATTEMPT_TIMEOUT_MS = 35_000;
export const READ_DEADLINE_MS = 45_000;

/** Bursts of 503/504 "Loadbalancer Error" are what Copernica shows under load (docs/api/conventions.md §13). */
const TRANSIENT = new Set([502, 503, 504]);

export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.round(BACKOFF_BASE_MS * 2 ** (retry - 1) * (1 + JITTER * random()));
}

/**
 * `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3), clamped to 1–60 s. Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, Math.ceil(ms)));
}

/** `busy`: the server asked us to wait (does not count as a failure); `retry`: a failure we try again. */
export type Decision = { retry: false } | { retry: true; delayMs: number; busy: boolean };

/**
 * Decides after a failed attempt. `failures` is how many failures the call had before this one,
 * `busyWaits` how many times it already waited for a busy server. A busy wait is not a failure.
 */
export function decide(
  method: Method,
  outcome: Outcome,
  {
    failures,
    busyWaits,
    now = Date.now(),
    random = Math.random,
  }: { failures: number; busyWaits: number; now?: number; random?: () => number },
): Decision {
  const no: Decision = { retry: false };
  if (outcome.kind === 'status') {
    const { status } = outcome;
    const wait = parseRetryAfter(outcome.retryAfter, now);
    // 429: refused before it ran, so every method may repeat it. 503 with Retry-After: a planned pause.
    if (status === 429 || (status === 503 && wait !== undefined && method !== 'POST')) {
      if (busyWaits >= MAX_BUSY_WAITS) return no;
      return { retry: true, delayMs: wait ?? backoffMs(busyWaits + 1, random), busy: true };
    }
    const transient = TRANSIENT.has(status) || (status === 500 && method === 'GET');
    if (!transient) return no; // 400, 401, 403, 404 …: the same request gets the same answer
  }
  if (failures >= MAX_RETRIES[method]) return no;
  return { retry: true, delayMs: backoffMs(failures + 1, random), busy: false };
}

/** Copernica's answer to deleting what is already gone; after a retry or a second click that is the goal reached. */
export function isAlreadyRemovedMessage(message: string): boolean {
  return /(has already been (removed|deleted)|s already (removed|deleted))/.test(message);
}
