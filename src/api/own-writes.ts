/**
 * The user's own writes, per record, so the conflict check can tell "someone else changed it" from "my own
 * earlier write arrived": a save whose answer was lost, or an interest toggle that moved `modified` while the
 * form was open. Kept in memory for this tab only (values the user typed, never credentials).
 */
export type RecordState = { modified: string; fields: Record<string, string> };

type OwnWrite = { seq: number; fields: Record<string, string> | null };

const MAX_PER_RECORD = 20;
const writes = new Map<string, OwnWrite[]>();
let seq = 0;

/** A point in time to compare against: writes noted after it count as "since the form loaded". */
export function ownWriteMark(): number {
  return seq;
}

/**
 * Note a write before it is sent (its answer may be lost). `fields`: the values sent; null for a write that
 * touches no field values but still moves `modified` (interests).
 */
export function noteOwnWrite(record: string, fields: Record<string, string> | null): void {
  const list = writes.get(record) ?? [];
  list.push({ seq: ++seq, fields });
  writes.set(record, list.slice(-MAX_PER_RECORD));
}

/**
 * True when every difference between what the form loaded (`base`) and the record now (`latest`) comes from
 * this user's own writes since `mark`: then saving cannot overwrite anyone else's edit.
 */
export function explainedByOwnWrites(record: string, mark: number, base: RecordState, latest: RecordState): boolean {
  if (latest.modified === base.modified) return true;
  const mine = (writes.get(record) ?? []).filter((w) => w.seq > mark);
  if (mine.length === 0) return false;
  const names = new Set([...Object.keys(base.fields), ...Object.keys(latest.fields)]);
  for (const name of names) {
    const now = latest.fields[name] ?? '';
    if (now === (base.fields[name] ?? '')) continue;
    // The newest own write of this field must have put exactly this value there.
    const last = mine.findLast((w) => w.fields && name in w.fields);
    if (!last?.fields || last.fields[name] !== now) return false;
  }
  return true;
}

/** Forget a record's writes (sign-out, or tests). */
export function forgetOwnWrites(record?: string): void {
  if (record === undefined) writes.clear();
  else writes.delete(record);
}

export const recordKey = (kind: 'profile' | 'subprofile', id: string) => `${kind}:${id}`;
