/**
 * Events to CSV cells. Columns are the union of keys in order of first appearance (event shapes differ
 * per type and system, §8.1). Values that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe: recipients control user agents and referers.
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

export function csvCell(value: unknown): string {
  const s = cellText(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function toCsvTable(rows: Record<string, unknown>[]): { columns: string[]; cells: string[][] } {
  const columns = csvColumns(rows);
  return { columns, cells: rows.map((row) => columns.map((c) => csvCell(row[c]))) };
}

/** RFC 4180 quoting. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const { columns, cells } = toCsvTable(rows);
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [columns, ...cells].map((line) => line.map(quote).join(',')).join('\r\n');
}
