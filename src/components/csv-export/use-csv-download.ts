import { useCallback, useEffect, useRef, useState } from 'react';
import { cancelExport, fetchExportJob, newExportJobId } from '@/api/exports';
import { saveThroughBrowser } from '@/lib/download';

export type CsvDownload =
  | { phase: 'idle' }
  /** the browser is asking for the file; the gateway has not reported yet */
  | { phase: 'starting' }
  | { phase: 'running'; rows: number; total?: number }
  /** the gateway that serves the file cannot be asked (another instance): the browser shows progress */
  | { phase: 'untracked' }
  | { phase: 'done'; count: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

const POLL_MS = 400;
/** How long a job may stay unknown before progress is given up (the download itself goes on). */
const UNKNOWN_FOR_MS = 15_000;

/**
 * Starts a gateway export as a browser download and follows it: rows so far (and of how many, when the
 * API said), done, failed, or cancelled. `cancel` makes the gateway stop paging and break the file off.
 */
export function useCsvDownload() {
  const [state, setState] = useState<CsvDownload>({ phase: 'idle' });
  const [job, setJob] = useState<string>();
  const jobRef = useRef<string>(undefined);

  const start = useCallback((urlFor: (job: string) => string, filename = '') => {
    const id = newExportJobId();
    jobRef.current = id;
    setJob(id);
    setState({ phase: 'starting' });
    saveThroughBrowser(urlFor(id), filename);
  }, []);

  const cancel = useCallback(() => {
    const id = jobRef.current;
    if (!id) return;
    setState({ phase: 'cancelled' });
    jobRef.current = undefined;
    void cancelExport(id).catch(() => {});
  }, []);

  useEffect(() => {
    if (!job) return;
    const ctrl = new AbortController();
    const since = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const view = await fetchExportJob(job, ctrl.signal);
        if (ctrl.signal.aborted || jobRef.current !== job) return;
        if (!view) {
          if (Date.now() - since > UNKNOWN_FOR_MS) return setState({ phase: 'untracked' });
        } else if (view.state === 'running') {
          setState({ phase: 'running', rows: view.rows, total: view.total });
        } else {
          if (view.state === 'done') setState({ phase: 'done', count: view.written });
          else if (view.state === 'cancelled') setState({ phase: 'cancelled' });
          else setState({ phase: 'failed', message: view.message ?? '' });
          return;
        }
      } catch (e) {
        if (ctrl.signal.aborted) return;
        return setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [job]);

  const busy = state.phase === 'starting' || state.phase === 'running';
  return { state, start, cancel, busy };
}
