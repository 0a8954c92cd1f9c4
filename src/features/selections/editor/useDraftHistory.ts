import { useHotkeys } from '@mantine/hooks';
import { useCallback, useReducer } from 'react';
import { applyDraftAction, type DraftAction, type SelectionDraft } from '../model/draft.utils';
import { commit, type History, redo, replacePresent, startHistory, undo } from '../model/history.utils';

type Action =
  | { kind: 'do'; action: DraftAction }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'replace'; draft: SelectionDraft }
  | { kind: 'reset'; draft: SelectionDraft };

function reducer(h: History<SelectionDraft>, a: Action): History<SelectionDraft> {
  switch (a.kind) {
    case 'do':
      return commit(h, applyDraftAction(h.present, a.action));
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
    case 'replace':
      return replacePresent(h, a.draft);
    case 'reset':
      return startHistory(a.draft);
  }
}

/** The editor's draft with undo/redo (buttons, and Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y outside text inputs). */
export function useDraftHistory(initial: SelectionDraft) {
  const [history, send] = useReducer(reducer, initial, startHistory);
  const dispatch = useCallback((action: DraftAction) => send({ kind: 'do', action }), []);
  const doUndo = useCallback(() => send({ kind: 'undo' }), []);
  const doRedo = useCallback(() => send({ kind: 'redo' }), []);
  useHotkeys([
    ['mod+Z', doUndo],
    ['mod+shift+Z', doRedo],
    ['ctrl+Y', doRedo],
  ]);
  return {
    draft: history.present,
    dispatch,
    undo: doUndo,
    redo: doRedo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    /** Swap in a draft without an undo step (IDs assigned after a save). */
    replace: useCallback((draft: SelectionDraft) => send({ kind: 'replace', draft }), []),
    reset: useCallback((draft: SelectionDraft) => send({ kind: 'reset', draft }), []),
  };
}
