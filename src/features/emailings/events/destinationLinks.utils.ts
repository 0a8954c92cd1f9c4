import type { Destination, EmailingEvent } from '@/api/emailing-events';

/**
 * Publisher events name their destination by its sequential `internal` number, while destination
 * pages are addressed by the hash `ID` (docs/api/emailings.md §6; which ID `/publisher/destination/$id` accepts
 * is not documented, so the hash is the only safe address). The documented way from one to the other
 * is the emailing's destination list, which carries both: it is read in pages of the documented
 * maximum (1000, §2 Paging) until every number on the visible page is known, or a cap is reached.
 */
export const INDEX_PAGE_SIZE = 1000;
/** At most this many list pages per emailing (10 000 destinations); rows beyond stay unlinked. */
export const MAX_INDEX_PAGES = 10;

/** The event's emailing (Publisher `emailing`, MS `mailing`, §8) as a string, if any. */
export function eventEmailingId(event: EmailingEvent): string | undefined {
  const v = event.emailing ?? event.mailing;
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/** The `internal` numbers a page of events refers to, grouped by emailing. */
export function neededInternals(events: EmailingEvent[]): Map<string, Set<string>> {
  const needed = new Map<string, Set<string>>();
  for (const e of events) {
    const emailing = eventEmailingId(e);
    if (!emailing || e.destination === undefined || e.destination === null || e.destination === '') continue;
    const set = needed.get(emailing) ?? new Set<string>();
    set.add(String(e.destination));
    needed.set(emailing, set);
  }
  return needed;
}

/** internal number → hash ID, from the destination list pages read so far. */
export function indexByInternal(pages: Destination[][]): Map<string, string> {
  const index = new Map<string, string>();
  for (const page of pages) for (const d of page) if (d.internal) index.set(d.internal, d.ID);
  return index;
}

/**
 * How many list pages an emailing needs now: one more than loaded while a needed number is still
 * missing, the last page was full (more may follow) and the cap is not reached; otherwise as loaded.
 */
export function pagesWanted(loaded: Destination[][], needed: Set<string>, cap = MAX_INDEX_PAGES): number {
  if (loaded.length === 0) return needed.size > 0 ? 1 : 0;
  const index = indexByInternal(loaded);
  const missing = [...needed].some((n) => !index.has(n));
  const lastFull = (loaded[loaded.length - 1]?.length ?? 0) >= INDEX_PAGE_SIZE;
  return missing && lastFull && loaded.length < cap ? loaded.length + 1 : loaded.length;
}
