import { ApiError, api, isAlreadyGone, ORRERY_HEADER } from '@/api/client';
import type { Paged } from '@/api/paging';
import {
  createPath,
  fetchMemberIds,
  type Member,
  type SelectionOwner,
  type SelectionScope,
  selectionPaths,
  type View,
} from '@/api/selections';
import { EMPTY_DRAFT, type SelectionDraft } from '../model/draft.utils';
import { type ApiRequest, assignIds, planSave, type SaveStep, stepRequest } from '../model/save-plan.utils';

/**
 * A hidden, temporary selection that mirrors the draft so the API itself can count it — the only way
 * that works for every condition type against the real Copernica API (docs/selections-live-counts.md).
 * Writes are serialised and coalesced: while one batch is in flight, later drafts only replace the
 * target, and the next batch goes straight to the newest one.
 */
export const SCRATCH_PREFIX = 'orrery_scratch_';
/** Scratch selections older than this are someone's closed tab: safe to sweep. */
export const SCRATCH_TTL_SECONDS = 3600;

export function scratchName(now = Date.now()): string {
  return `${SCRATCH_PREFIX}${Math.floor(now / 1000)}_${Math.random().toString(36).slice(2, 8)}`;
}

export function isScratchName(name: string): boolean {
  return name.startsWith(SCRATCH_PREFIX);
}

export function isStaleScratch(name: string, now = Date.now()): boolean {
  const m = /^orrery_scratch_(\d+)_/.exec(name);
  return Boolean(m && now / 1000 - Number(m[1]) > SCRATCH_TTL_SECONDS);
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

async function send(req: ApiRequest) {
  if (req.method === 'POST') return api.post(req.path, req.body);
  if (req.method === 'PUT') return api.put(req.path, req.body);
  return api.delete(req.path);
}

export class ScratchSelection {
  private id: string | null = null;
  private synced: SelectionDraft = EMPTY_DRAFT;
  private desired: SelectionDraft = EMPTY_DRAFT;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    readonly scope: SelectionScope,
    private readonly parent: SelectionOwner,
  ) {}

  get selectionId(): string | null {
    return this.id;
  }

  /** Resolves once the scratch selection holds `draft` (or a newer draft given meanwhile). */
  sync(draft: SelectionDraft): Promise<void> {
    this.desired = draft;
    const run = this.queue.then(() => this.flush());
    this.queue = run.catch(() => {});
    return run;
  }

  private async flush(): Promise<void> {
    if (this.disposed) return;
    if (!this.id) {
      const { createdId } = await api.post(createPath(this.parent), { name: scratchName(), description: 'Orrery live count (temporary)' });
      if (!createdId) throw new Error('The API created no scratch selection');
      this.id = createdId;
      this.synced = EMPTY_DRAFT;
    }
    const target = onScratch(this.desired, this.synced);
    const plan = planSave(this.synced, target);
    if (plan.length === 0) return;
    const ruleIds = new Map<string, string>();
    const condIds = new Map<string, string>();
    const run = async (steps: SaveStep[]) =>
      Promise.all(
        steps.map(async (step) => {
          const res = await send(stepRequest(this.scope, this.id as string, step, ruleIds));
          if (step.op === 'createRule' && res.createdId) ruleIds.set(step.ruleKey, res.createdId);
          if (step.op === 'createCondition' && res.createdId) condIds.set(step.conditionKey, res.createdId);
        }),
      );
    try {
      // Independent calls go out together; a new rule's conditions wait for its ID.
      await run(plan.filter((s) => s.op !== 'createRule' && !(s.op === 'createCondition' && 'key' in s.rule)));
      await run(plan.filter((s) => s.op === 'createRule'));
      await run(plan.filter((s) => s.op === 'createCondition' && 'key' in s.rule));
      this.synced = assignIds(target, ruleIds, condIds);
      // The real API rebuilds asynchronously; ask for it now instead of waiting for the schedule (V14).
      await api.post(selectionPaths.rebuild(this.scope, this.id));
    } catch (error) {
      // The scratch is in an unknown state: drop it and start afresh on the next edit.
      const broken = this.id;
      this.id = null;
      this.synced = EMPTY_DRAFT;
      if (broken) void api.delete(`${this.scope}/${encodeURIComponent(broken)}`).catch(() => {});
      throw error;
    }
  }

  /** Count and a few members in one call (V8 / M15 with `total=true`). */
  async read(limit: number, signal?: AbortSignal): Promise<{ total: number; sample: Member[] }> {
    const page = await api.get<Paged<Member>>(
      selectionPaths.members(this.scope, this.requireId()),
      { start: 0, limit, total: true, dataonly: true },
      signal,
    );
    return { total: page.total ?? page.count, sample: page.data };
  }

  async contains(memberId: string, signal?: AbortSignal): Promise<boolean> {
    const page = await api.get<Paged<Member>>(
      selectionPaths.members(this.scope, this.requireId()),
      { fields: [`id==${memberId}`], limit: 1, total: true, dataonly: true },
      signal,
    );
    return (page.total ?? page.count) > 0;
  }

  memberIds(signal?: AbortSignal): Promise<string[]> {
    return fetchMemberIds(this.scope, this.requireId(), signal);
  }

  async lastBuilt(signal?: AbortSignal): Promise<string> {
    const v = await api.get<View>(`${this.scope}/${encodeURIComponent(this.requireId())}`, undefined, signal);
    return v['last-built'];
  }

  private requireId(): string {
    if (!this.id) throw new ApiError(0, 'The scratch selection does not exist yet');
    return this.id;
  }

  /** Deletes the scratch selection once pending writes are done. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
    const id = this.id;
    this.id = null;
    if (id) await api.delete(`${this.scope}/${encodeURIComponent(id)}`).catch((e: unknown) => (isAlreadyGone(e) ? undefined : undefined));
  }

  /** For `pagehide`: a request that outlives the page. */
  disposeOnUnload(): void {
    this.disposed = true;
    if (!this.id) return;
    void fetch(`/api/v3/${this.scope}/${encodeURIComponent(this.id)}`, {
      method: 'DELETE',
      keepalive: true,
      headers: ORRERY_HEADER,
      credentials: 'same-origin',
    }).catch(() => {});
    this.id = null;
  }
}

/** Deletes scratch selections left behind by closed tabs (older than the TTL) under one parent. */
export async function sweepStaleScratches(parent: SelectionOwner, scope: SelectionScope, signal?: AbortSignal): Promise<number> {
  const list = await api.get<Paged<{ ID: string; name: string }>>(createPath(parent), { start: 0, limit: 1000 }, signal);
  const stale = list.data.filter((v) => isStaleScratch(v.name));
  await Promise.all(stale.map((v) => api.delete(`${scope}/${encodeURIComponent(v.ID)}`).catch(() => {})));
  return stale.length;
}
