import { useSyncExternalStore } from 'react';

/**
 * Which calls are waiting to try again right now, so the shell can say "Busy, trying again in N s".
 * The client registers each wait; `busy` means the server asked us to wait (429/503 with Retry-After).
 */
export type RetryWait = { until: number; busy: boolean };
export type RetryStatus = { waits: readonly RetryWait[] };

let status: RetryStatus = { waits: [] };
const listeners = new Set<() => void>();

function publish(waits: readonly RetryWait[]) {
  status = { waits };
  for (const listener of listeners) listener();
}

/** Announces a wait; call the returned function when the wait is over (or aborted). */
export function announceWait(wait: RetryWait): () => void {
  publish([...status.waits, wait]);
  return () => publish(status.waits.filter((w) => w !== wait));
}

export function subscribeRetryStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getRetryStatus(): RetryStatus {
  return status;
}

export function useRetryStatus(): RetryStatus {
  return useSyncExternalStore(subscribeRetryStatus, getRetryStatus, getRetryStatus);
}
