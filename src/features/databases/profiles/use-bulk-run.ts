import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { fetchAll } from '@/api/paging';
import { chunkIds, type IdChunk } from './bulk.utils';

export type BulkRun =
  | { phase: 'idle' }
  | { phase: 'collecting'; fetched: number }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'finished'; done: number; total: number }
  | { phase: 'cancelled'; done: number; total: number }
  | { phase: 'failed'; done: number; total: number; message: string };

/**
 * What a bulk run works on: a list endpoint (`database/$id/profiles`, `collection/$id/subprofiles`) with the
 * user's filter, and the query keys to refresh afterwards.
 */
export type BulkSource = { path: string; filter: string[]; invalidate: QueryKey[] };

/** One batch's request; the chunk's ID range is narrowed with `rangeFilter` so the filter still applies. */
export type ApplyBatch = (chunk: IdChunk) => Promise<unknown>;

/**
 * Runs a bulk change in ID batches of 1000: collect the matching IDs (by ID, as docs/api/conventions.md §6.3
 * recommends), then one request per batch. Progress is per batch; cancel stops between batches.
 * Used for profiles (database/$id/profiles) and subprofiles (collection/$id/subprofiles) alike.
 */
export function useBulkRun(source: BulkSource) {
  const qc = useQueryClient();
  const [run, setRun] = useState<BulkRun>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function start(apply: ApplyBatch) {
    const ctrl = new AbortController();
    abort.current = ctrl;
    let done = 0;
    let total = 0;
    try {
      setRun({ phase: 'collecting', fetched: 0 });
      const rows = await fetchAll<{ ID: string }>(
        source.path,
        { fields: source.filter, dataonly: true },
        { byId: true, signal: ctrl.signal, onProgress: (p) => setRun({ phase: 'collecting', fetched: p.fetched }) },
      );
      const chunks = chunkIds(rows.map((r) => r.ID));
      total = rows.length;
      setRun({ phase: 'running', done, total });
      for (const chunk of chunks) {
        if (ctrl.signal.aborted) {
          setRun({ phase: 'cancelled', done, total });
          return;
        }
        await apply(chunk);
        done += chunk.ids.length;
        setRun({ phase: 'running', done, total });
      }
      setRun({ phase: 'finished', done, total });
    } catch (e) {
      if (ctrl.signal.aborted) setRun({ phase: 'cancelled', done, total });
      else setRun({ phase: 'failed', done, total, message: e instanceof Error ? e.message : String(e) });
    } finally {
      await Promise.all(source.invalidate.map((queryKey) => qc.invalidateQueries({ queryKey })));
    }
  }

  return { run, start, cancel: () => abort.current?.abort() };
}
