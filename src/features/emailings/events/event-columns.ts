import { csvColumns } from '../utils/csv.utils';
import { eventMessages } from './event-messages';

/**
 * Which columns an event table shows, in the API's order. `link_id` and `link_title` fold into the
 * `link` column (a link is shown by its title or URL, never by its number); the CSV export keeps every
 * API column under its API name.
 */
const FOLDED = new Set(['link_id', 'link_title']);
export function visibleColumns(events: Record<string, unknown>[]): string[] {
  return csvColumns(events).filter((c) => !FOLDED.has(c));
}

export type ColumnKey = keyof typeof eventMessages.en & `col_${string}`;

/** The message key of a column's header, or undefined for a property this list does not know (shown by its API name). */
export function headerKey(column: string): ColumnKey | undefined {
  const key = `col_${column}`;
  return key in eventMessages.en ? (key as ColumnKey) : undefined;
}
