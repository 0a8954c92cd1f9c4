import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { type Env, endSession, type Gateway, hasSessionCookie, readSession } from '../context.ts';
import { csrfGuard } from '../csrf.ts';
import { errorBody, jsonError } from '../errors.ts';
import { type ExportJob, ExportJobs, JOB_ID } from './jobs.ts';
import { type ApiReader, apiReader, type Query, UpstreamError } from './pages.ts';
import { type Chunks, eventCsv, profileCsv, subprofileCsv } from './sources.ts';

/**
 * `/export/*`: CSV downloads of any size, streamed while the gateway pages through the API with the
 * session's token (see server/gateway/README.md "Exports"). Downloads are plain GET navigations
 * (`<a download>`), which cannot carry the SPA's `X-Requested-With`; they only read, and a cross-site
 * page can neither read the answer nor, because cross-site requests are refused, start one.
 */

const ID = /^\d{1,18}$/;
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_TYPES = new Set(['deliveries', 'impressions', 'clicks', 'errors', 'unsubscribes', 'abuses']);
const SYSTEMS = new Set(['publisher', 'ms']);
const SCOPES = new Set(['emailing', 'destination']);
const MAX_FILTERS = 50;
const MAX_FILTER_LENGTH = 1000;

type Make = (reader: ApiReader, job: ExportJob) => Promise<Chunks>;

export function exportRoutes(gw: Gateway): Hono<Env> {
  const app = new Hono<Env>();
  const jobs = new ExportJobs();
  const timeoutMs = gw.config.upstreamTimeoutMs ?? 30_000;

  // Progress and cancel are the SPA's own fetch calls: the usual cross-site rules plus the custom header.
  app.use('/jobs/*', csrfGuard(gw.config));
  app.use('/jobs/*', async (c, next) =>
    c.req.header('x-requested-with') === 'orrery' ? next() : jsonError(403, 'Missing X-Requested-With header'),
  );
  app.get('/jobs/:job', async (c) => {
    const session = await readSession(c, gw);
    if (!session) return jsonError(401, 'Not signed in');
    const job = jobs.get(session.sid, c.req.param('job'));
    return job ? c.json(jobs.view(job), 200, { 'Cache-Control': 'no-store' }) : jsonError(404, 'No such export');
  });
  app.post('/jobs/:job/cancel', async (c) => {
    const session = await readSession(c, gw);
    if (!session) return jsonError(401, 'Not signed in');
    const job = jobs.get(session.sid, c.req.param('job'));
    if (!job) return jsonError(404, 'No such export');
    jobs.finish(job, 'cancelled');
    return c.json(jobs.view(job), 200, { 'Cache-Control': 'no-store' });
  });

  async function download(c: Context<Env>, filename: string, make: Make, bom = false): Promise<Response> {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return jsonError(403, 'Cross-site request refused');
    const session = await readSession(c, gw);
    if (!session) {
      if (hasSessionCookie(c)) await endSession(c, gw, undefined, 'signout'); // a dead cookie (expired, revoked, foreign)
      return c.json(errorBody('Not signed in'), 401, { 'Cache-Control': 'no-store' });
    }
    const jobId = c.req.query('job') ?? randomUUID();
    if (!JOB_ID.test(jobId)) return jsonError(400, 'Invalid job id');
    const job = jobs.start(session.sid, jobId);
    if (job === 'taken') return jsonError(409, 'This export id is in use');
    if (job === 'busy') return jsonError(429, 'Too many exports running; wait for one to finish', { 'Retry-After': '10' });
    // the browser (or the SPA's Cancel) dropping the download stops the paging at once
    c.req.raw.signal.addEventListener('abort', () => jobs.finish(job, 'cancelled'), { once: true });

    const started = performance.now();
    const logEnd = () =>
      gw.log.info('export', { path: c.req.path, outcome: job.state, rows: job.rows, ms: Math.round(performance.now() - started) });
    let chunks: Chunks;
    let first: IteratorResult<string, void>;
    try {
      // the first page is read before answering, so a wrong id or a rejected token is a proper error status
      chunks = await make(apiReader(gw.config.apiUrl, session.token, timeoutMs), job);
      first = await chunks.next();
    } catch (e) {
      const failure = asFailure(e, job);
      jobs.finish(job, job.controller.signal.aborted ? 'cancelled' : 'failed', failure.message);
      logEnd();
      if (!failure.tokenRejected) return jsonError(failure.status, failure.message);
      await endSession(c, gw, session, 'rejected'); // as the proxy does: Copernica no longer takes this token
      return c.json(errorBody(failure.message), 401, { 'Cache-Control': 'no-store' });
    }

    // An export that stops early must not look complete: drop the connection (a chunked answer without its
    // last chunk, which browsers report as a failed download). Erroring the stream instead would make the
    // Node adapter end the body normally with an error text appended.
    const outgoing = c.env?.outgoing;
    const breakOff = (controller: ReadableStreamDefaultController<Uint8Array>, reason: unknown) => {
      if (outgoing) outgoing.destroy();
      else tryError(controller, reason);
    };
    const encoder = new TextEncoder();
    let pending: string | undefined = `${bom ? '\uFEFF' : ''}${first.done ? '' : first.value}`;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          // a cancel while the stream waits for the socket to drain ends the download too
          job.controller.signal.addEventListener('abort', () => {
            if (job.state !== 'done') breakOff(controller, job.controller.signal.reason);
          });
        },
        // pull is only called when the socket took the previous chunk (highWaterMark 0): backpressure
        async pull(controller) {
          try {
            const next = pending !== undefined ? { done: false as const, value: pending } : await chunks.next();
            pending = undefined;
            if (!next.done) {
              controller.enqueue(encoder.encode(next.value));
              return;
            }
            controller.close();
            jobs.finish(job, 'done');
            logEnd();
          } catch (e) {
            if (job.state === 'running') {
              jobs.finish(job, 'failed', asFailure(e, job).message);
              gw.log.warn('export failed', { path: c.req.path, error: e instanceof Error ? e : String(e) });
            }
            logEnd();
            breakOff(controller, e);
          }
        },
        cancel() {
          jobs.finish(job, 'cancelled');
          void chunks.return().catch(() => {});
        },
      },
      { highWaterMark: 0 },
    );
    const headers: Record<string, string> = {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    };
    if (job.total !== undefined) headers['X-Orrery-Total'] = String(job.total);
    return new Response(body, { status: 200, headers });
  }

  app.get('/database/:id/profiles.csv', (c) => {
    const id = c.req.param('id');
    const filters = filtersOf(c);
    if (!ID.test(id) || !filters) return jsonError(400, 'Invalid export request');
    return download(c, `database-${id}-profiles.csv`, (reader, job) => profileCsv(reader, id, filters, job));
  });

  app.get('/collection/:id/subprofiles.csv', (c) => {
    const id = c.req.param('id');
    const filters = filtersOf(c);
    if (!ID.test(id) || !filters) return jsonError(400, 'Invalid export request');
    return download(c, `collection-${id}-subprofiles.csv`, (reader, job) => subprofileCsv(reader, id, filters, job));
  });

  // /export/{publisher,ms}/{emailing,destination}/:id/:type.csv and account-wide /export/{publisher,ms}/:type.csv
  const events = (c: Context<Env>, system: string, file: string, scope?: { kind: string; id: string }) => {
    const type = file.endsWith('.csv') ? file.slice(0, -4) : '';
    const filters = filtersOf(c);
    const valid = SYSTEMS.has(system) && EVENT_TYPES.has(type) && (!scope || (SCOPES.has(scope.kind) && EVENT_ID.test(scope.id)));
    if (!valid || !filters) return jsonError(400, 'Invalid export request');
    const query: Query = filters.map((f) => ['fields[]', f]);
    for (const name of ['begintime', 'endtime', 'unique']) {
      const value = c.req.query(name);
      if (value) query.push([name, value]);
    }
    const matchField = c.req.query('matchField');
    const match = matchField ? { field: matchField, value: c.req.query('matchValue') ?? '' } : undefined;
    const path = scope ? `${system}/${scope.kind}/${encodeURIComponent(scope.id)}/${type}` : `${system}/${type}`;
    const name = scope ? `${system}-${scope.kind}-${scope.id}-${type}.csv` : `${system}-${type}.csv`;
    return download(c, name, (reader, job) => eventCsv(reader, path, query, match, job), true);
  };
  app.get('/:system/:scope/:id/:file', (c) =>
    events(c, c.req.param('system'), c.req.param('file'), { kind: c.req.param('scope'), id: c.req.param('id') }),
  );
  app.get('/:system/:file', (c) => events(c, c.req.param('system'), c.req.param('file')));

  app.all('*', () => jsonError(404, 'Not found'));
  return app;
}

/** The user's `fields[]` conditions, passed on as they are; undefined when there are too many or too long. */
function filtersOf(c: Context<Env>): string[] | undefined {
  const filters = c.req.queries('fields[]') ?? [];
  return filters.length <= MAX_FILTERS && filters.every((f) => f.length <= MAX_FILTER_LENGTH) ? filters : undefined;
}

function asFailure(e: unknown, job: ExportJob): { status: number; message: string; tokenRejected?: boolean } {
  if (e instanceof UpstreamError) return { status: e.status, message: e.message, tokenRejected: e.tokenRejected };
  if (job.controller.signal.aborted) return { status: 499, message: 'Export cancelled' };
  return { status: 502, message: 'Export failed' };
}

function tryError(controller: ReadableStreamDefaultController<Uint8Array>, reason: unknown): void {
  try {
    controller.error(reason);
  } catch {
    // already closed or errored
  }
}
