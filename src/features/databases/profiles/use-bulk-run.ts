import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '@/api/client';
import { fetchAll } from '@/api/paging';
import { bulkDeleteProfiles, bulkUpdateProfiles, profileQueries } from '@/api/profiles';
import { chunkIds, rangeFilter } from './bulk.utils';

export type BulkRun =
  | { phase: 'idle' }
  | { phase: 'collecting'; fetched: number }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'finished'; done: number; total: number }
  | { phase: 'cancelled'; done: number; total: number }
  | { phase: 'failed'; done: number; total: number; message: string };

export type BulkJob = { kind: 'update'; fields: Record<string, string> } | { kind: 'delete' } | { kind: 'unsubscribe' };

/**
 * Runs a bulk change in ID batches of 1000: collect the matching IDs (by ID, as conventions.md §6.3
 * recommends), then one request per batch. Progress is per batch; cancel stops between batches.
 */
export function useBulkRun(databaseId: string, filter: string[]) {
  const qc = useQueryClient();
  const [run, setRun] = useState<BulkRun>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function start(job: BulkJob) {
    const ctrl = new AbortController();
    abort.current = ctrl;
    let done = 0;
    let total = 0;
    try {
      setRun({ phase: 'collecting', fetched: 0 });
      const rows = await fetchAll<{ ID: string }>(
        `database/${encodeURIComponent(databaseId)}/profiles`,
        { fields: filter, dataonly: true },
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
        if (job.kind === 'update') await bulkUpdateProfiles(databaseId, rangeFilter(filter, chunk), job.fields);
        else if (job.kind === 'delete') await bulkDeleteProfiles(databaseId, chunk.ids);
        else await api.put(`database/${encodeURIComponent(databaseId)}/unsubscribes`, {}, { fields: rangeFilter(filter, chunk) });
        done += chunk.ids.length;
        setRun({ phase: 'running', done, total });
      }
      setRun({ phase: 'finished', done, total });
    } catch (e) {
      if (ctrl.signal.aborted) setRun({ phase: 'cancelled', done, total });
      else setRun({ phase: 'failed', done, total, message: e instanceof Error ? e.message : String(e) });
    } finally {
      // Any profile of this database may have changed: lists and open profiles alike.
      await qc.invalidateQueries({ queryKey: profileQueries.all() });
      if (job.kind !== 'update') await qc.invalidateQueries({ queryKey: ['subprofiles'] });
    }
  }

  return { run, start, cancel: () => abort.current?.abort() };
}
