/**
 * CSV text for exports (RFC 4180, CRLF line ends). The only copy of the escaping: the SPA downloads
 * through the gateway and never builds CSV itself.
 */

/** A value as plain text: objects (MS abuse `report`) as JSON, null and undefined as empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Spreadsheet apps run cells starting with = + - @ tab or CR as formulas (CSV injection): such cells get
 * a leading apostrophe. Plain numbers (`-12`, `-0.5`) stay numbers. Applied to every data cell, never to
 * the header (field names are the account's own).
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

/** Quotes a cell when it holds a comma, quote or line break, or starts/ends with a space (as Papa Parse does). */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One header line (names quoted, not neutralised). */
export function headerLine(names: readonly string[]): string {
  return `${names.map(quote).join(',')}\r\n`;
}

/** One data line: every value as text, neutralised, quoted. */
export function dataLine(values: readonly unknown[]): string {
  return `${values.map((v) => quote(neutralizeFormula(cellText(v)))).join(',')}\r\n`;
}
