import { api, isAlreadyGone } from '@/api/client';

/** How long a delete waits for Undo before its request is sent. */
export const UNDO_WINDOW_MS = 5000;

export type DeleteRequest = {
  /** The API path to DELETE (e.g. `profile/12`); also the key that lists use to hide the row meanwhile. */
  path: string;
  /** What is deleted, with its count, in the user's language ("Profile 12 and its 3 subprofiles"). */
  label: string;
  /** The page (pathname) that offers Undo; leaving it sends the delete at once. */
  route: string;
  /** After the server answered (either way): refresh what showed the record. */
  onSettled?: () => unknown;
};

/** `due`: when the request goes out unless undone (epoch ms). */
export type PendingDelete = DeleteRequest & { phase: 'waiting' | 'sending'; due: number };
export type FailedDelete = { path: string; label: string; message: string };
export type DeleteQueueState = { pending: readonly PendingDelete[]; failed: readonly FailedDelete[] };

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const inFlight = new Map<string, Promise<void>>();
let state: DeleteQueueState = { pending: [], failed: [] };
const listeners = new Set<() => void>();

function set(next: DeleteQueueState) {
  state = next;
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getState(): DeleteQueueState {
  return state;
}

/**
 * Queues a delete: nothing is sent for `UNDO_WINDOW_MS`; Undo drops it without a request. A second request
 * for the same path while one is queued is ignored, so a double click still deletes once.
 */
export function scheduleDelete(request: DeleteRequest): void {
  if (state.pending.some((p) => p.path === request.path)) return;
  set({
    pending: [...state.pending, { ...request, phase: 'waiting', due: Date.now() + UNDO_WINDOW_MS }],
    failed: state.failed.filter((f) => f.path !== request.path),
  });
  timers.set(
    request.path,
    setTimeout(() => void sendNow(request.path), UNDO_WINDOW_MS),
  );
}

/** Drops a queued delete before it was sent; true when it was still waiting. */
export function undoDelete(path: string): boolean {
  const entry = state.pending.find((p) => p.path === path);
  if (entry?.phase !== 'waiting') return false;
  clearTimeout(timers.get(path));
  timers.delete(path);
  set({ ...state, pending: state.pending.filter((p) => p.path !== path) });
  return true;
}

/**
 * Sends a waiting delete now (exactly once). On failure the entry leaves the queue, so the row shows
 * again, and the error is kept for the user to read.
 */
export function sendNow(path: string, { keepalive = false }: { keepalive?: boolean } = {}): Promise<void> {
  const entry = state.pending.find((p) => p.path === path);
  if (entry?.phase !== 'waiting') return inFlight.get(path) ?? Promise.resolve();
  const sending = send(entry, keepalive).finally(() => inFlight.delete(path));
  inFlight.set(path, sending);
  return sending;
}

async function send(entry: PendingDelete, keepalive: boolean): Promise<void> {
  const path = entry.path;
  clearTimeout(timers.get(path));
  timers.delete(path);
  set({ ...state, pending: state.pending.map((p) => (p.path === path ? { ...p, phase: 'sending' } : p)) });
  let failure: string | null = null;
  try {
    await api.delete(path, undefined, { keepalive });
  } catch (e) {
    // Deleted meanwhile (another tab, a colleague): what the user asked for has happened.
    if (!isAlreadyGone(e)) failure = e instanceof Error ? e.message : String(e);
  }
  set({
    pending: state.pending.filter((p) => p.path !== path),
    failed: failure === null ? state.failed : [...state.failed, { path, label: entry.label, message: failure }],
  });
  await entry.onSettled?.();
}

/** Sends every waiting delete whose page is not `pathname` (the user left it). */
export function sendLeftBehind(pathname: string): void {
  for (const p of state.pending) if (p.route !== pathname) void sendNow(p.path);
}

/** Before signing out: every queued delete goes out now, while the session still exists. */
export async function sendAllPending(): Promise<void> {
  await Promise.all(state.pending.map((p) => sendNow(p.path)));
}

/** The page is going away (tab closed, full navigation): send everything, with requests that outlive it. */
export function sendAllOnPageHide(): void {
  for (const p of state.pending) void sendNow(p.path, { keepalive: true });
}

export function dismissFailure(path: string): void {
  set({ ...state, failed: state.failed.filter((f) => f.path !== path) });
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', sendAllOnPageHide);
