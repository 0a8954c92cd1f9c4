import { isNotFound } from '@/api/errors';
import {
  deleteSelection,
  deleteSelectionOnUnload,
  rebuildSelection,
  runSelectionWrites,
  SelectionWriteError,
} from '@/api/selection-writes';
import {
  fetchMemberCount,
  fetchMemberIds,
  fetchSelection,
  fetchSelectionsIn,
  type Member,
  type SelectionOwner,
  type SelectionScope,
} from '@/api/selections';
import { EMPTY_DRAFT, type SelectionDraft } from '../model/draft.utils';
import { assignIds, planSave } from '../model/save-plan.utils';
import { scratchRegistry } from './scratch-registry';

/**
 * The one temporary selection an open editor keeps to let the API itself count the draft — the only way that
 * works for every condition type against the real Copernica API (docs/selections-live-counts.md). It is
 * reused for every edit (only the changed rules and conditions are written), deleted when the editor closes,
 * and named so a colleague who meets it in Copernica sees that it is temporary and may be deleted.
 */
export const SCRATCH_PREFIX = 'orrery_scratch_';
/** A scratch selection neither created nor rebuilt for this long belongs to no open editor: safe to sweep. */
export const SCRATCH_TTL_SECONDS = 3600;

/** Who the scratch belongs to, as the name shows it: printable, short, no characters that could confuse a list. */
function ownerTag(who: string): string {
  return (
    who
      .replace(/[^\p{L}\p{N} .@_-]/gu, '')
      .trim()
      .slice(0, 30) || 'an Orrery user'
  );
}

/** `orrery_scratch_<unix seconds>_<random> TEMPORARY live count for <who> – anyone may delete` */
export function scratchName(who = '', now = Date.now()): string {
  const id = `${SCRATCH_PREFIX}${Math.floor(now / 1000)}_${Math.random().toString(36).slice(2, 8)}`;
  return `${id} TEMPORARY live count for ${ownerTag(who)} - anyone may delete`;
}

export function scratchDescription(who = ''): string {
  return (
    `Temporary selection made by Orrery while ${ownerTag(who)} edits a selection, to count it live. ` +
    'Orrery deletes it when the editor closes. Anyone may delete it: nothing depends on it, and deleting a selection never touches profiles.'
  );
}

export function isScratchName(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}

/** Older than the TTL by its name's timestamp, and not rebuilt within the TTL (an open editor rebuilds on every edit). */
export function isStaleScratch(name: string, lastBuilt = '', now = Date.now()): boolean {
  const m = /^orrery_scratch_(\d+)_/.exec(name);
  if (!m || now / 1000 - Number(m[1]) <= SCRATCH_TTL_SECONDS) return false;
  const built = Date.parse(lastBuilt.replace(' ', 'T'));
  return Number.isNaN(built) || (now - built) / 1000 > SCRATCH_TTL_SECONDS;
}

/** Gives the editor's draft the scratch's own rule and condition IDs (matched by key) and key-based rule names. */
function onScratch(desired: SelectionDraft, synced: SelectionDraft): SelectionDraft {
  const ruleIds = new Map(synced.rules.map((r) => [r.key, r.id]));
  const condIds = new Map(synced.rules.flatMap((r) => r.conditions.map((c) => [c.key, c.id] as const)));
  return {
    rules: desired.rules.map((r) => ({
      ...r,
      id: ruleIds.get(r.key),
      name: `r_${r.key}`.replace(/[^\w]/g, '_'),
      conditions: r.conditions.map((c) => ({ ...c, id: condIds.get(c.key) })),
    })),
  };
}

export class ScratchSelection {
  private id: string | null = null;
  private synced: SelectionDraft = EMPTY_DRAFT;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    readonly scope: SelectionScope,
    private readonly parent: SelectionOwner,
    /** The signed-in account: its ID for the registry, its name for the scratch's name and description. */
    private readonly owner: { id: string; name: string } = { id: '', name: '' },
  ) {}

  get selectionId(): string | null {
    return this.id;
  }

  /**
   * Brings the scratch to `draft` and runs `read` before any other draft is written into it. Calls run one after
   * another; a call whose signal is aborted by the time its turn comes writes nothing, so quick edits only
   * write the newest draft.
   */
  evaluate<T>(draft: SelectionDraft, read: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const run = this.queue.then(async () => {
      signal?.throwIfAborted();
      await this.flushOnce(draft);
      signal?.throwIfAborted();
      return read();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Someone may have deleted the scratch (a colleague in Copernica, a sweep): then make a new one, once. */
  private async flushOnce(draft: SelectionDraft): Promise<void> {
    try {
      await this.flush(draft);
    } catch (error) {
      const cause = error instanceof SelectionWriteError ? error.cause : error;
      if (!isNotFound(cause) || this.disposed) throw error;
      await this.flush(draft);
    }
  }

  private async flush(draft: SelectionDraft): Promise<void> {
    if (this.disposed) throw new Error('The editor has closed');
    const target = onScratch(draft, this.synced);
    const plan = planSave(this.synced, target);
    if (this.id && plan.length === 0) return;
    try {
      const created = !this.id;
      const outcome = await runSelectionWrites({
        scope: this.scope,
        selectionId: this.id ?? undefined,
        createIn: this.parent,
        settings: created ? { name: scratchName(this.owner.name), description: scratchDescription(this.owner.name) } : undefined,
        plan,
        concurrent: true,
      });
      this.id = outcome.selectionId;
      if (created) scratchRegistry.beat(this.owner.id, this.scope, this.id);
      this.synced = assignIds(target, outcome.ruleIds, outcome.conditionIds);
      // The real API rebuilds asynchronously; ask for it now instead of waiting for the schedule (V14).
      await rebuildSelection(this.scope, this.id);
    } catch (error) {
      // The scratch is in an unknown state: drop it and start afresh.
      const broken = this.id ?? (error instanceof SelectionWriteError ? error.outcome.selectionId : undefined);
      this.id = null;
      this.synced = EMPTY_DRAFT;
      if (broken) void this.remove(broken).catch(() => {});
      throw error;
    }
  }

  /** Tells the registry this editor is still open (see scratch-registry.ts). */
  heartbeat(): void {
    if (this.id && !this.disposed) scratchRegistry.beat(this.owner.id, this.scope, this.id);
  }

  private async remove(id: string): Promise<void> {
    await deleteSelection(this.scope, id);
    scratchRegistry.forget(this.scope, id);
  }

  /** Count and a few members in one call (V8 / M15 with `total=true`). */
  read(limit: number, signal?: AbortSignal): Promise<{ total: number; sample: Member[] }> {
    return fetchMemberCount(this.scope, this.requireId(), { limit }, signal);
  }

  async contains(memberId: string, signal?: AbortSignal): Promise<boolean> {
    return (await fetchMemberCount(this.scope, this.requireId(), { limit: 1, fields: [`id==${memberId}`] }, signal)).total > 0;
  }

  memberIds(signal?: AbortSignal): Promise<string[]> {
    return fetchMemberIds(this.scope, this.requireId(), signal);
  }

  async lastBuilt(signal?: AbortSignal): Promise<string> {
    return (await fetchSelection(this.scope, this.requireId(), signal))['last-built'];
  }

  private requireId(): string {
    if (!this.id) throw new Error('The scratch selection does not exist yet');
    return this.id;
  }

  /** Deletes the scratch selection once pending writes are done. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
    const id = this.id;
    this.id = null;
    // A failed DELETE stays in the registry: the next sign-in sweeps it.
    if (id) await this.remove(id).catch(() => {});
  }

  /**
   * For `pagehide`: a DELETE that outlives the page; its answer is never seen, so the registry keeps the entry.
   * The editor stays usable: if the page comes back from the back/forward cache, the next edit makes a new scratch.
   */
  disposeOnUnload(): void {
    if (!this.id) return;
    deleteSelectionOnUnload(this.scope, this.id);
    this.id = null;
    this.synced = EMPTY_DRAFT;
  }
}

/** Deletes scratch selections left behind by closed tabs (older than the TTL) under one parent. */
export async function sweepStaleScratches(parent: SelectionOwner, scope: SelectionScope, signal?: AbortSignal): Promise<number> {
  const stale = (await fetchSelectionsIn(parent, signal)).filter((v) => isStaleScratch(v.name, v['last-built']));
  await Promise.all(stale.map((v) => deleteSelection(scope, String(v.ID)).catch(() => {})));
  return stale.length;
}
