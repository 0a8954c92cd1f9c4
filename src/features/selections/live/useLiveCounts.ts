import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/api/client';
import type { Paged } from '@/api/paging';
import type { Member, SelectionOwner, SelectionScope } from '@/api/selections';
import type { RuleDraft, SelectionDraft } from '../model/draft.utils';
import { draftSignature, filterKey, planCounts, ruleSignature, sumTerms } from '../model/live-count.utils';
import type { FieldInfo } from '../model/validate.utils';
import { ScratchSelection, sweepStaleScratches } from './scratch-selection';

/** Where the draft's members come from: the parent's member list (for filters) and where scratch selections go. */
export type LiveBase = { scope: SelectionScope; membersPath: string; scratchParent: SelectionOwner };
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

export function useLiveCounts(
  base: LiveBase | null,
  draft: SelectionDraft,
  fields: readonly FieldInfo[],
): LiveCounts & { syncedScratch: () => Promise<ScratchSelection> } {
  const qc = useQueryClient();
  const [debounced] = useDebouncedValue(draft, DEBOUNCE_MS);
  const [state, setState] = useState<LiveCounts>({ rules: {}, sample: [], pending: true, version: 0 });
  const whole = useRef<ScratchSelection | null>(null);
  const perRule = useRef(new Map<string, ScratchSelection>());
  const baseKey = base ? `${base.scope}:${base.membersPath}:${base.scratchParent.kind}:${base.scratchParent.id}` : '';

  // One set of scratch selections per editor (and per base); deleted when the editor closes or the tab goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: baseKey identifies base
  useEffect(() => {
    if (!base) return;
    const rules = perRule.current;
    whole.current = new ScratchSelection(base.scope, base.scratchParent);
    void sweepStaleScratches(base.scratchParent, base.scope).catch(() => {});
    const onHide = () => {
      whole.current?.disposeOnUnload();
      for (const s of rules.values()) s.disposeOnUnload();
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void whole.current?.dispose();
      for (const s of rules.values()) void s.dispose();
      rules.clear();
      whole.current = null;
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
    if (!base || !whole.current) return;
    const plan = planCounts(debounced, fields);
    const controller = new AbortController();
    const { signal } = controller;
    const started = performance.now();
    setState((s) => ({ ...s, pending: true, error: undefined }));

    const filtered = (filters: string[]) =>
      qc.fetchQuery({
        queryKey: ['selections', 'live', base.membersPath, filterKey(filters)],
        queryFn: ({ signal: s }) =>
          api.get<Paged<Member>>(base.membersPath, { fields: filters, limit: SAMPLE, total: true, dataonly: true }, s),
        staleTime: 20_000,
      });

    async function viaScratch(scratch: ScratchSelection, d: SelectionDraft) {
      await scratch.sync(d);
      signal.throwIfAborted();
      return scratch.read(SAMPLE, signal);
    }

    async function run() {
      const active = debounced.rules.filter((r) => !r.disabled && r.conditions.length > 0);
      const filterSets = new Map<string, string[]>();
      for (const terms of [plan.view, ...Object.values(plan.rules)])
        for (const t of terms ?? []) filterSets.set(filterKey(t.filters), t.filters);
      const pages = new Map(await Promise.all([...filterSets].map(async ([k, f]) => [k, await filtered(f)] as const)));
      const totals = new Map([...pages].map(([k, p]) => [k, p.total ?? p.count]));

      const scratchRead = plan.view ? null : viaScratch(whole.current as ScratchSelection, debounced);
      const ruleReads = active
        .filter((r) => plan.rules[r.key] === null && !(active.length === 1 && scratchRead))
        .map(async (r: RuleDraft) => {
          let s = perRule.current.get(r.key);
          if (!s) {
            s = new ScratchSelection(base?.scope ?? 'view', (base as LiveBase).scratchParent);
            perRule.current.set(r.key, s);
          }
          const result = await viaScratch(s, { rules: [{ ...r, disabled: false }] });
          return [r.key, result.total] as const;
        });
      const [viewScratch, ruleCounts] = await Promise.all([scratchRead, Promise.all(ruleReads)]);
      signal.throwIfAborted();

      const rules: Record<string, LiveCount | undefined> = {};
      for (const r of debounced.rules) {
        const terms = plan.rules[r.key];
        const n = terms ? sumTerms(terms, totals) : null;
        if (n !== null) rules[r.key] = { count: n, source: 'filter' };
      }
      for (const [key, count] of ruleCounts) rules[key] = { count, source: 'scratch' };
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
      if (viewScratch && whole.current) {
        const scratch = whole.current;
        let built = await scratch.lastBuilt(signal);
        for (const delay of SETTLE_DELAYS_MS) {
          await sleep(delay, signal);
          const now = await scratch.lastBuilt(signal);
          if (now === built) continue;
          built = now;
          const fresh = await scratch.read(SAMPLE, signal);
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

  /** The whole-draft scratch selection, brought up to date (for "why is this profile in or out" and the diff). */
  const syncedScratch = useCallback(async () => {
    const s = whole.current;
    if (!s) throw new Error('No live count base');
    await s.sync(latest.current);
    return s;
  }, []);

  // Until the numbers belong to the draft on screen, they are pending (no stale "settled" render in between).
  const current = JSON.stringify([draftSignature(draft), draft.rules.map((r) => [r.key, ruleSignature(r), r.disabled]), fields.length]);
  return { ...state, pending: state.pending || state.signature !== current, syncedScratch };
}
