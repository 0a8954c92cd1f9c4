/**
 * Events as table cells. Columns are the union of keys in order of first appearance (event shapes differ
 * per type and system, docs/api/emailings.md §8.1). CSV files are written by the gateway's export.
 */

export function csvColumns(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** A value as plain text: objects (MS `report`) as JSON, null as empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
