import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { createProfile, findProfiles, profileQueries, upsertProfile } from '@/api/profiles';
import { mapWithConcurrency } from '@/lib/concurrency';
import { type ColumnMapping, classifyRows, keyCondition, type RowPlan } from './csv.utils';
import type { ImportResult } from './ImportReport';

const CONCURRENCY = 4;

export type ImportPhase =
  | { phase: 'idle' }
  | { phase: 'checking'; done: number; total: number }
  | { phase: 'planned'; plans: RowPlan[] }
  | { phase: 'importing'; plans: RowPlan[]; done: number; total: number }
  | { phase: 'done'; plans: RowPlan[]; result: ImportResult }
  | { phase: 'failed'; message: string };

/** Dry run (look up each key value, classify every row), then the writes, 4 at a time, with a report. */
export function useImport(databaseId: string, fields: DatabaseField[]) {
  const qc = useQueryClient();
  const [state, setState] = useState<ImportPhase>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function dryRun(rows: Record<string, string>[], mapping: ColumnMapping, keyField: string | null) {
    const ctrl = new AbortController();
    abort.current = ctrl;
    try {
      const existing = new Map<string, number>();
      if (keyField) {
        const column = Object.entries(mapping).find(([, f]) => f === keyField)?.[0] ?? '';
        const keys = [...new Set(rows.map((r) => (r[column] ?? '').trim()).filter(Boolean))];
        let done = 0;
        setState({ phase: 'checking', done, total: keys.length });
        await mapWithConcurrency(
          keys,
          CONCURRENCY,
          async (key) => {
            const page = await findProfiles(databaseId, { fields: [keyCondition(keyField, key)], limit: 1, total: true }, ctrl.signal);
            existing.set(key.toLowerCase(), page.total ?? page.count);
            setState({ phase: 'checking', done: ++done, total: keys.length });
          },
          { signal: ctrl.signal },
        );
      }
      setState({ phase: 'planned', plans: classifyRows(rows, mapping, fields, keyField, existing) });
    } catch (e) {
      setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  async function run(plans: RowPlan[], keyField: string | null) {
    const todo = plans.filter((p) => p.action !== 'invalid');
    const result: ImportResult = { created: 0, updated: 0, failed: [] };
    let done = 0;
    setState({ phase: 'importing', plans, done, total: todo.length });
    await mapWithConcurrency(todo, CONCURRENCY, async (p) => {
      try {
        // Update-or-create in one call: PUT database/$id/profiles?fields[]=key==value&create=true.
        const res =
          keyField && p.keyValue
            ? await upsertProfile(databaseId, [keyCondition(keyField, p.keyValue)], p.fields)
            : await createProfile(databaseId, p.fields);
        if (res.createdId) result.created++;
        else result.updated++;
      } catch (e) {
        result.failed.push({ line: p.line, message: e instanceof Error ? e.message : String(e) });
      }
      setState({ phase: 'importing', plans, done: ++done, total: todo.length });
    });
    result.failed.sort((a, b) => a.line - b.line);
    setState({ phase: 'done', plans, result });
    await qc.invalidateQueries({ queryKey: profileQueries.lists(databaseId) });
  }

  return { state, dryRun, run, reset: () => setState({ phase: 'idle' }), cancel: () => abort.current?.abort() };
}
