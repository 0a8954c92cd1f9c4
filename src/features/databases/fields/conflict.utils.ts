/** Values a form would send: only the fields the user changed (so others' edits elsewhere survive). */
export function changedFields(base: Record<string, string>, draft: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft)) if ((base[k] ?? '') !== v) out[k] = v;
  return out;
}

export type ConflictRow = { field: string; base: string; mine: string; theirs: string; clash: boolean };

/**
 * Rows to show when `modified` moved since the form was opened: every field either side changed.
 * `clash` marks fields both changed to different values.
 */
export function conflictRows(base: Record<string, string>, mine: Record<string, string>, theirs: Record<string, string>): ConflictRow[] {
  const names = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  const rows: ConflictRow[] = [];
  for (const field of names) {
    const b = base[field] ?? '';
    const m = mine[field] ?? b;
    const t = theirs[field] ?? b;
    const iChanged = m !== b;
    const theyChanged = t !== b;
    if (!iChanged && !theyChanged) continue;
    rows.push({ field, base: b, mine: m, theirs: t, clash: iChanged && theyChanged && m !== t });
  }
  return rows;
}
