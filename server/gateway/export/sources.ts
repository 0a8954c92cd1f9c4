import { dataLine, headerLine } from './csv.ts';
import type { ExportJob } from './jobs.ts';
import { type ApiReader, eventPages, type Page, type Query, recordPages, UpstreamError } from './pages.ts';

/**
 * What each export writes: CSV text, one chunk per API page (a header plus the first page, then a page
 * at a time). Only the page being written is ever held.
 */

export type Chunks = AsyncGenerator<string, void, undefined>;

type Field = { name: string };

async function fieldNames(reader: ApiReader, path: string, signal: AbortSignal): Promise<string[]> {
  // a database has at most a few hundred fields: one page holds them (docs/api/conventions.md §6.2)
  const page = (await reader.get(path, [['limit', '1000']], signal)) as { data?: Field[] } | undefined;
  if (!Array.isArray(page?.data)) throw new UpstreamError(502, 'Copernica sent an unexpected answer');
  return page.data.map((f) => String(f.name));
}

/** The ID cursor needs `id` to mean the record ID; a real field of that name takes it over (docs/api/conventions.md §7). */
const hasIdField = (names: string[]) => names.some((n) => n.toLowerCase() === 'id');

async function* linesOf(
  pages: AsyncGenerator<Page>,
  header: string,
  job: ExportJob,
  line: (row: Record<string, unknown>) => string,
): Chunks {
  let text = header;
  for await (const page of pages) {
    if (job.total === undefined && page.total !== undefined) job.total = page.total;
    for (const row of page.data) {
      const out = line(row);
      if (out) job.written++;
      text += out;
    }
    job.rows += page.count;
    yield text;
    text = '';
  }
  if (text) yield text;
}

/** Interests as the SPA shows them: names joined by `|` (an object of name → flag is read as the set ones). */
function interestText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('|');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([, on]) => on === true || on === 1 || on === '1' || on === 'yes')
      .map(([name]) => name)
      .join('|');
  return '';
}

/** `ID, <every field>, interests, modified` for the profiles matching `filters`. */
export async function profileCsv(reader: ApiReader, databaseId: string, filters: string[], job: ExportJob): Promise<Chunks> {
  const signal = job.controller.signal;
  const fields = await fieldNames(reader, `database/${databaseId}/fields`, signal);
  const pages = recordPages(reader, `database/${databaseId}/profiles`, filters, !hasIdField(fields), signal);
  return linesOf(pages, headerLine(['ID', ...fields, 'interests', 'modified']), job, (p) => {
    const values = (p.fields ?? {}) as Record<string, unknown>;
    return dataLine([p.ID, ...fields.map((f) => values[f]), interestText(p.interests), p.modified]);
  });
}

/** `ID, profile, <every field>, modified` for the subprofiles of a collection matching `filters`. */
export async function subprofileCsv(reader: ApiReader, collectionId: string, filters: string[], job: ExportJob): Promise<Chunks> {
  const signal = job.controller.signal;
  const fields = await fieldNames(reader, `collection/${collectionId}/fields`, signal);
  const pages = recordPages(reader, `collection/${collectionId}/subprofiles`, filters, !hasIdField(fields), signal);
  return linesOf(pages, headerLine(['ID', 'profile', ...fields, 'modified']), job, (s) => {
    const values = (s.fields ?? {}) as Record<string, unknown>;
    return dataLine([s.ID, s.profile, ...fields.map((f) => values[f]), s.modified]);
  });
}

export type EventMatch = { field: string; value: string };

/**
 * An event list. Its columns are the keys of the first page's events in order of first appearance:
 * each type has one fixed set of properties per system (docs/api/emailings.md §8.1). `match` keeps
 * only the events whose property equals a value (the SPA's "this link" view: the API cannot filter it).
 */
export async function eventCsv(
  reader: ApiReader,
  path: string,
  filters: Query,
  match: EventMatch | undefined,
  job: ExportJob,
): Promise<Chunks> {
  const pages = eventPages(reader, path, filters, job.controller.signal);
  const first = await pages.next();
  const firstPage: Page = first.done ? { count: 0, data: [] } : first.value;
  const columns = [...new Set(firstPage.data.flatMap((e) => Object.keys(e)))];
  const keep = (e: Record<string, unknown>) => !match || cellValue(e[match.field]) === match.value;
  async function* all(): AsyncGenerator<Page> {
    yield firstPage;
    yield* pages;
  }
  // a list with no events at all still gets a header line, so the file is recognisably CSV
  const header = headerLine(columns.length ? columns : ['ID', 'timestamp']);
  return linesOf(all(), header, job, (e) => (keep(e) ? dataLine(columns.map((c) => e[c])) : ''));
}

const cellValue = (v: unknown) => (v === undefined || v === null ? '' : String(v));
