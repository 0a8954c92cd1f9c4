import { useEffect } from 'react';
import type { SelectionScope } from '@/api/selections';

/**
 * The scratch selections this browser made and has not yet seen deleted (docs/selections-live-counts.md,
 * "Clean-up"). A closed tab can only fire its DELETE without reading the answer, and a crash fires none, so
 * each scratch stays listed here until a DELETE is known to have landed. Each open editor refreshes the
 * heartbeat of its own entry; on the next sign-in (or start of the signed-in app) every entry whose editor
 * stopped beating is deleted. Holds selection IDs only, nothing secret.
 */
const KEY = 'orrery.scratch-selections';
/** An editor refreshes its entry this often… */
export const HEARTBEAT_MS = 60_000;
/** …so an entry older than this belongs to no open editor. */
const ORPHANED_AFTER_MS = 3 * HEARTBEAT_MS;

/** `account` is the signed-in account's ID: a sweep only ever touches its own account's entries. */
export type ScratchEntry = { account: string; scope: SelectionScope; id: string; beat: number };

function read(storage: Storage): ScratchEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as ScratchEntry[]).filter((e) => typeof e?.id === 'string' && typeof e.beat === 'number') : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, entries: ScratchEntry[]): void {
  try {
    if (entries.length) storage.setItem(KEY, JSON.stringify(entries));
    else storage.removeItem(KEY);
  } catch {
    // Storage full or refused: the age-based sweep under the parent still catches what is left.
  }
}

export const scratchRegistry = {
  /** Records a new scratch selection, or refreshes its heartbeat. */
  beat(account: string, scope: SelectionScope, id: string, storage: Storage = localStorage, now = Date.now()): void {
    write(storage, [...read(storage).filter((e) => !(e.id === id && e.scope === scope)), { account, scope, id, beat: now }]);
  },
  forget(scope: SelectionScope, id: string, storage: Storage = localStorage): void {
    write(
      storage,
      read(storage).filter((e) => !(e.id === id && e.scope === scope)),
    );
  },
  /** Entries whose editor has stopped beating: a closed tab, a crash, a lost connection. */
  orphaned(account: string, storage: Storage = localStorage, now = Date.now()): ScratchEntry[] {
    return read(storage).filter((e) => e.account === account && now - e.beat > ORPHANED_AFTER_MS);
  },
  /** Every entry of the account, open editors included (for signing out). */
  all(account: string, storage: Storage = localStorage): ScratchEntry[] {
    return read(storage).filter((e) => e.account === account);
  },
};

async function sweep(entries: ScratchEntry[], storage: Storage): Promise<number> {
  if (!entries.length) return 0;
  // Loaded only when there is something to delete: the signed-in frame uses this module on every start.
  const { deleteSelection } = await import('@/api/selection-writes');
  let removed = 0;
  for (const entry of entries) {
    try {
      await deleteSelection(entry.scope, entry.id);
      scratchRegistry.forget(entry.scope, entry.id, storage);
      removed++;
    } catch {
      // Offline or refused: keep the entry for the next sign-in.
    }
  }
  return removed;
}

/** Deletes the account's orphaned scratch selections (already gone counts as deleted); returns how many were removed. */
export function sweepOrphanedScratches(account: string, storage: Storage = localStorage, now = Date.now()): Promise<number> {
  return sweep(scratchRegistry.orphaned(account, storage, now), storage);
}

/** Before signing out (which clears the browser's storage): delete every scratch selection of the account now. */
export function sweepAllScratches(account: string, storage: Storage = localStorage): Promise<number> {
  return sweep(scratchRegistry.all(account, storage), storage);
}

/** For the signed-in frame: sweep once the account is known (that is, on sign-in or when the app starts signed in). */
export function useSweepOrphanedScratches(account: string | undefined): void {
  useEffect(() => {
    if (account) void sweepOrphanedScratches(account);
  }, [account]);
}
