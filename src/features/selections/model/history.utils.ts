/**
 * Undo/redo for the editor: a present value with stacks on both sides. Pure, so the editor's reducer
 * stays a one-liner and the behaviour is unit-tested.
 */
export type History<T> = { past: T[]; present: T; future: T[] };

const LIMIT = 100;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** A new state; identical (same object) states add no undo step. */
export function commit<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}

/** Replace the present without an undo step (e.g. IDs assigned after a save). */
export function replacePresent<T>(h: History<T>, present: T): History<T> {
  return { ...h, present };
}
