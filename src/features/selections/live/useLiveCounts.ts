import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { type Member, type SelectionOwner, type SelectionScope, selectionQueries } from '@/api/selections';
import { sessionQueries } from '@/api/session';
import type { RuleDraft, SelectionDraft } from '../model/draft.utils';
import { draftSignature, filterKey, planCounts, ruleSignature, sumTerms } from '../model/live-count.utils';
import type { FieldInfo } from '../model/validate.utils';
import { HEARTBEAT_MS } from './scratch-registry';
import { ScratchSelection, sweepStaleScratches } from './scratch-selection';

/** Where the draft's members come from: the parent whose member list the filters read and where scratch selections go. */
export type LiveBase = { scope: SelectionScope; scratchParent: SelectionOwner };
export type CountSource = 'filter' | 'scratch';
export type LiveCount = { count: number; source: CountSource };
export type LiveCounts = {
  view?: LiveCount;
  rules: Record<string, LiveCount | undefined>;
  sample: Member[];
  pending: boolean;
  error?: unknown;
  /** Milliseconds from the (debounced) edit to the answer; for the benchmark and the UI hint. */
  elapsedMs?: number;
  version: number;
  /** The draft signature these numbers belong to. */
  signature?: string;
};

export const DEBOUNCE_MS = 250;
const SAMPLE = 5;
/** Re-check `last-built` after these delays: the real API rebuilds asynchronously (V14). */
const SETTLE_DELAYS_MS = [1500, 4000, 10000];

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

/** The draft with only `key` enabled: the rules stay in the scratch, so switching costs one PUT per rule. */
function onlyRule(draft: SelectionDraft, key: string): SelectionDraft {
  return { rules: draft.rules.map((r) => ({ ...r, disabled: r.key !== key })) };
}

export function useLiveCounts(
  base: LiveBase | null,
  draft: SelectionDraft,
  fields: readonly FieldInfo[],
): LiveCounts & { withScratch: <T>(read: (scratch: ScratchSelection) => Promise<T>) => Promise<T> } {
  const qc = useQueryClient();
  const session = useQuery(sessionQueries.current());
  const account = session.data?.signedIn ? session.data.account : undefined;
  const owner = { id: account?.id ?? '', name: account?.name ?? '' };
  const [debounced] = useDebouncedValue(draft, DEBOUNCE_MS);
  const [state, setStateNow] = useState<LiveCounts>({ rules: {}, sample: [], pending: true, version: 0 });
  // New numbers re-render the whole editor: as a transition, so React renders it in short slices.
  const setState = useCallback((update: (s: LiveCounts) => LiveCounts) => startTransition(() => setStateNow(update)), []);
  const scratchRef = useRef<ScratchSelection | null>(null);
  const baseKey = base ? `${base.scope}:${base.scratchParent.kind}:${base.scratchParent.id}` : '';

  // One scratch selection per open editor, reused for every edit; deleted when the editor closes or the tab goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: baseKey identifies base; the name is fixed at creation
  useEffect(() => {
    if (!base) return;
    const scratch = new ScratchSelection(base.scope, base.scratchParent, owner);
    scratchRef.current = scratch;
    void sweepStaleScratches(base.scratchParent, base.scope).catch(() => {});
    const onHide = () => scratch.disposeOnUnload();
    const beat = setInterval(() => scratch.heartbeat(), HEARTBEAT_MS);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearInterval(beat);
      void scratch.dispose();
      scratchRef.current = null;
    };
  }, [baseKey]);

  const latest = useRef(draft);
  latest.current = draft;
  const signature = JSON.stringify([
    draftSignature(debounced),
    debounced.rules.map((r) => [r.key, ruleSignature(r), r.disabled]),
    fields.length,
  ]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature says when the result can change
  useEffect(() => {
    if (!base || !scratchRef.current) return;
    const scratch: ScratchSelection = scratchRef.current;
    const plan = planCounts(debounced, fields);
    const controller = new AbortController();
    const { signal } = controller;
    const started = performance.now();
    // The same state when nothing changes: no re-render of the whole editor right after it mounts.
    setStateNow((s) => (s.pending && s.error === undefined ? s : { ...s, pending: true, error: undefined }));

    const filtered = (filters: string[]) => qc.fetchQuery(selectionQueries.filteredMembers(base.scratchParent, filters, SAMPLE));
    const count = (d: SelectionDraft) => scratch.evaluate(d, () => scratch.read(SAMPLE, signal), signal);

    async function run() {
      const active = debounced.rules.filter((r) => !r.disabled && r.conditions.length > 0);
      const filterSets = new Map<string, string[]>();
      for (const terms of [plan.view, ...Object.values(plan.rules)])
        for (const t of terms ?? []) filterSets.set(filterKey(t.filters), t.filters);
      const pages = new Map(await Promise.all([...filterSets].map(async ([k, f]) => [k, await filtered(f)] as const)));
      const totals = new Map([...pages].map(([k, p]) => [k, p.total ?? p.count]));

      const viewScratch = plan.view ? null : await count(debounced);
      // Rules the filter cannot count take turns in the same scratch, the others switched off meanwhile.
      const ruleCounts: (readonly [string, number])[] = [];
      for (const r of active.filter((r) => plan.rules[r.key] === null && !(active.length === 1 && viewScratch)))
        ruleCounts.push([r.key, (await count(onlyRule(debounced, r.key))).total]);
      signal.throwIfAborted();

      const rules: Record<string, LiveCount | undefined> = {};
      for (const r of debounced.rules) {
        const terms = plan.rules[r.key];
        const n = terms ? sumTerms(terms, totals) : null;
        if (n !== null) rules[r.key] = { count: n, source: 'filter' };
      }
      for (const [key, n] of ruleCounts) rules[key] = { count: n, source: 'scratch' };
      if (active.length === 1 && viewScratch) rules[(active[0] as RuleDraft).key] = { count: viewScratch.total, source: 'scratch' };

      const viewCount = plan.view ? sumTerms(plan.view, totals) : (viewScratch?.total ?? null);
      const firstSet = plan.view?.find((t) => t.sign === 1)?.filters;
      const sample = viewScratch?.sample ?? (firstSet ? (pages.get(filterKey(firstSet))?.data ?? []) : []);
      setState((s) => ({
        signature,
        view: viewCount === null ? undefined : { count: viewCount, source: plan.view ? 'filter' : 'scratch' },
        rules,
        sample,
        pending: false,
        elapsedMs: Math.round(performance.now() - started + DEBOUNCE_MS),
        version: s.version + 1,
      }));

      // Real API: the scratch's contents follow its (asynchronous) rebuild. Re-read when `last-built` moves.
      if (viewScratch) {
        const built = () => scratch.evaluate(debounced, () => scratch.lastBuilt(signal), signal);
        let last = await built();
        for (const delay of SETTLE_DELAYS_MS) {
          await sleep(delay, signal);
          const now = await built();
          if (now === last) continue;
          last = now;
          const fresh = await count(debounced);
          setState((s) => ({ ...s, view: { count: fresh.total, source: 'scratch' }, sample: fresh.sample, version: s.version + 1 }));
        }
      }
    }

    run().catch((error: unknown) => {
      if (signal.aborted) return;
      setState((s) => ({ ...s, pending: false, error, signature }));
    });
    return () => controller.abort();
  }, [baseKey, signature]);

  /** Runs `read` against the scratch holding the whole draft on screen (for "why is this profile in or out" and the diff). */
  const withScratch = useCallback(<T>(read: (scratch: ScratchSelection) => Promise<T>): Promise<T> => {
    const s = scratchRef.current;
    if (!s) return Promise.reject(new Error('No live count base'));
    return s.evaluate(latest.current, () => read(s));
  }, []);

  // Until the numbers belong to the draft on screen, they are pending (no stale "settled" render in between).
  const current = JSON.stringify([draftSignature(draft), draft.rules.map((r) => [r.key, ruleSignature(r), r.disabled]), fields.length]);
  return { ...state, pending: state.pending || state.signature !== current, withScratch };
}
