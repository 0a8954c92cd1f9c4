/**
 * Running exports, so the SPA can show progress and cancel a download the browser itself is saving
 * (a plain link download cannot be read by the page). The SPA picks a random job id, puts it in the
 * download URL and asks `/export/jobs/:job` for progress. Jobs belong to the session that started them.
 * Kept in this process only: behind several gateway instances progress is best-effort (the download
 * itself never depends on it).
 */

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJob {
  readonly id: string;
  readonly sid: string;
  readonly controller: AbortController;
  /** rows read from the API (progress against `total`) */
  rows: number;
  /** data lines written (fewer than `rows` when a match filter drops some) */
  written: number;
  total?: number;
  state: JobState;
  message?: string;
  finishedAt?: number;
}

export type JobView = Pick<ExportJob, 'rows' | 'written' | 'total' | 'state' | 'message'>;

export const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Exports one session may run at once: each one pages through the API, so a few is plenty. */
export const MAX_RUNNING_PER_SESSION = 3;
const KEEP_FINISHED_MS = 10 * 60_000;
const MAX_JOBS = 10_000;

export class ExportJobs {
  readonly #jobs = new Map<string, ExportJob>();

  /** A new running job, or why not: `busy` (too many running for this session), `taken` (id in use). */
  start(sid: string, id: string, now = Date.now()): ExportJob | 'busy' | 'taken' {
    this.#prune(now);
    if (this.#jobs.has(id)) return 'taken';
    let running = 0;
    for (const job of this.#jobs.values()) if (job.sid === sid && job.state === 'running') running++;
    if (running >= MAX_RUNNING_PER_SESSION) return 'busy';
    const job: ExportJob = { id, sid, controller: new AbortController(), rows: 0, written: 0, state: 'running' };
    this.#jobs.set(id, job);
    return job;
  }

  get(sid: string, id: string): ExportJob | undefined {
    const job = this.#jobs.get(id);
    return job?.sid === sid ? job : undefined;
  }

  /** Ends a job once (later calls keep the first outcome) and stops its paging. */
  finish(job: ExportJob, state: Exclude<JobState, 'running'>, message?: string, now = Date.now()): void {
    if (job.state !== 'running') return;
    job.state = state;
    job.message = message;
    job.finishedAt = now;
    job.controller.abort(new Error(`export ${state}`));
  }

  view(job: ExportJob): JobView {
    return { rows: job.rows, written: job.written, total: job.total, state: job.state, message: job.message };
  }

  #prune(now: number): void {
    for (const [id, job] of this.#jobs) {
      if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_FINISHED_MS) this.#jobs.delete(id);
    }
    if (this.#jobs.size < MAX_JOBS) return;
    for (const [id, job] of this.#jobs) {
      if (job.state !== 'running') this.#jobs.delete(id);
      if (this.#jobs.size < MAX_JOBS / 2) break;
    }
  }
}
