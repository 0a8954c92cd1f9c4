import type { DatabaseField } from '@/api/databases';
import { type InvalidReason, invalidReason } from '../fields/field-values.utils';

/** Column → field name ('' = skip). Headers match field names case-insensitively, as the API does. */
export type ColumnMapping = Record<string, string>;

export function autoMap(headers: string[], fields: Pick<DatabaseField, 'name'>[]): ColumnMapping {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f.name]));
  return Object.fromEntries(headers.map((h) => [h, byName.get(h.trim().toLowerCase()) ?? '']));
}

/** A mapping may use each field once; returns the fields mapped more than once. */
export function duplicateTargets(mapping: ColumnMapping): string[] {
  const seen = new Map<string, number>();
  for (const f of Object.values(mapping)) if (f) seen.set(f, (seen.get(f) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([f]) => f);
}

export type RowProblem = { column: string; field: string; value: string; reason: InvalidReason | 'emptyKey' };
export type RowPlan = {
  /** 1-based line in the file, header = line 1. */
  line: number;
  fields: Record<string, string>;
  action: 'create' | 'update' | 'invalid';
  /** How many existing profiles the key matches (an update may touch several). */
  matches: number;
  keyValue?: string;
  problems: RowProblem[];
};

export function mapRow(row: Record<string, string>, mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [column, field] of Object.entries(mapping)) if (field) out[field] = row[column] ?? '';
  return out;
}

/**
 * The dry run: which rows would create a profile, which would update one (their key value matches),
 * and which carry values the API would silently coerce (flagged, never written).
 * `existing` maps a lowercased key value to the number of profiles holding it.
 */
export function classifyRows(
  rows: Record<string, string>[],
  mapping: ColumnMapping,
  fields: DatabaseField[],
  keyField: string | null,
  existing: Map<string, number>,
): RowPlan[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const columnOf = Object.fromEntries(Object.entries(mapping).map(([c, f]) => [f, c]));
  return rows.map((row, i) => {
    const values = mapRow(row, mapping);
    const problems: RowProblem[] = [];
    for (const [name, value] of Object.entries(values)) {
      const field = byName.get(name);
      const reason = field ? invalidReason(field, value) : null;
      if (reason) problems.push({ column: columnOf[name] ?? name, field: name, value, reason });
    }
    const keyValue = keyField ? (values[keyField] ?? '').trim() : undefined;
    if (keyField && !keyValue) problems.push({ column: columnOf[keyField] ?? keyField, field: keyField, value: '', reason: 'emptyKey' });
    const matches = keyValue ? (existing.get(keyValue.toLowerCase()) ?? 0) : 0;
    const action = problems.length ? 'invalid' : matches > 0 ? 'update' : 'create';
    return { line: i + 2, fields: values, action, matches, keyValue, problems };
  });
}

export function summarize(plans: RowPlan[]) {
  return {
    creates: plans.filter((p) => p.action === 'create').length,
    updates: plans.filter((p) => p.action === 'update').length,
    invalid: plans.filter((p) => p.action === 'invalid').length,
  };
}

/** The `fields[]` condition that finds a row's profile by its key (== compares text case-insensitively). */
export function keyCondition(keyField: string, value: string): string {
  return `${keyField}==${value}`;
}
