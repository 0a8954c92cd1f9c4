/**
 * Unsaved input across a sign-in that leaves the page ("Sign in with Copernica" goes to Copernica and
 * back). The one form being edited registers its draft; just before leaving, that single draft is written
 * to sessionStorage (this tab only), and the form takes it back — and removes it — when it mounts again.
 * Only field values and the record state they were based on: never a token or anything from the session.
 */
const STORAGE_KEY = 'orrery.draft';

export type Draft = { key: string; base: { modified: string; fields: Record<string, string> }; values: Record<string, string> };

let active: { key: string; get: () => Draft } | null = null;
let leaving = false;

/** The form with unsaved edits says how to read its draft; returns the unregister function. */
export function registerDraft(key: string, get: () => Draft): () => void {
  const entry = { key, get };
  active = entry;
  return () => {
    if (active === entry) active = null;
  };
}

/** Writes the registered draft (if any) before the page is left for sign-in; true when one was kept. */
export function stashDraftForSignIn(): boolean {
  if (!active) return false;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(active.get()));
    leaving = true;
    return true;
  } catch {
    return false; // storage full or disabled: the leave prompt still warns
  }
}

/** The stashed draft for this record, removed from storage as it is taken. */
export function takeStashedDraft(key: string): Draft | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (draft.key !== key) return null;
    sessionStorage.removeItem(STORAGE_KEY);
    return draft;
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

/** Sign-out: a draft must not outlive the session it belongs to. */
export function clearStashedDraft(): void {
  active = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/** The page is being left on purpose with its draft kept: the leave prompt would only be in the way. */
export function isLeavingWithStashedDraft(): boolean {
  return leaving;
}
