import { explainedByOwnWrites, noteOwnWrite, ownWriteMark } from '@/api/own-writes';
import { changedFields } from './conflict.utils';

export type RecordSnapshot = { modified: string; fields: Record<string, string> };

export type SavePlan = {
  recordKey: string;
  fetchLatest: () => Promise<RecordSnapshot>;
  save: (changed: Record<string, string>) => Promise<unknown>;
  /** What the form holds now. */
  values: Record<string, string>;
  /** The record as the form loaded it, and the own-writes mark taken then. */
  base: RecordSnapshot;
  mark: number;
  /** "Keep mine" after a conflict: send exactly these, without checking again. */
  keepMine?: Record<string, string>;
};

/** `mark`: the own-writes mark taken before `next` was read (writes after it are not in `next`). */
export type SaveOutcome =
  | { kind: 'saved'; next: RecordSnapshot; mark: number }
  | { kind: 'nothing-left'; next: RecordSnapshot; mark: number }
  | { kind: 'conflict'; latest: RecordSnapshot };

/**
 * One save of a record's fields: re-read it (the conflict check), then PUT only what differs.
 * A `modified` that moved only because of this user's own writes (a save whose answer was lost, an interest
 * toggle) is no conflict: the diff is taken against the current record, and if nothing is left the earlier
 * write had arrived. Every PUT is noted as an own write before it is sent, since its answer may be lost.
 */
export async function saveRecord(plan: SavePlan): Promise<SaveOutcome> {
  let from = plan.base;
  let changed = plan.keepMine;
  if (!changed) {
    const markBefore = ownWriteMark();
    const latest = await plan.fetchLatest();
    if (latest.modified !== plan.base.modified) {
      if (!explainedByOwnWrites(plan.recordKey, plan.mark, plan.base, latest)) return { kind: 'conflict', latest };
      from = latest;
    }
    changed = changedFields(from.fields, plan.values);
    if (Object.keys(changed).length === 0) return { kind: 'nothing-left', next: latest, mark: markBefore };
  }
  noteOwnWrite(plan.recordKey, changed);
  await plan.save(changed);
  const markAfter = ownWriteMark();
  return { kind: 'saved', next: await plan.fetchLatest(), mark: markAfter };
}
