import { isOutcomeUnknown } from './write-guard';

/**
 * Creates without idempotency keys (Copernica has none: the same POST twice makes two records,
 * docs/api/conventions.md §12). When a create gets no answer, the record may exist: we find out by looking
 * up what was typed, before and after, instead of posting again.
 *
 * `probe` returns the newest ID among the records that match what was typed (or null for none). It runs
 * once before the POST (the watermark) and, only if the answer was lost, once after.
 */
export type Probe = () => Promise<string | null>;

/** A create whose answer was lost; `check()` says whether the record was stored after all. */
export class CreateOutcomeUnknown extends Error {
  readonly cause: unknown;
  private readonly before: string | null | undefined;
  private readonly probe: Probe;
  constructor(cause: unknown, before: string | null | undefined, probe: Probe) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'CreateOutcomeUnknown';
    this.cause = cause;
    this.before = before;
    this.probe = probe;
  }

  /** `created` with the new ID, or `not-created`; rejects when the lookup itself fails (ask again later). */
  async check(): Promise<CheckedOutcome> {
    return compareProbes(this.before, await this.probe());
  }
}

export type CheckedOutcome = { created: true; id: string } | { created: false };

/**
 * A match newer than the watermark is the record the lost create stored (IDs only grow). Without a
 * watermark (its lookup failed) any match counts: better "open it and check" than a duplicate.
 */
export function compareProbes(before: string | null | undefined, after: string | null): CheckedOutcome {
  if (after === null) return { created: false };
  if (before === undefined || before === null || Number(after) > Number(before)) return { created: true, id: after };
  return { created: false };
}

/** Runs `create` once; a lost answer becomes a `CreateOutcomeUnknown` that can find out what happened. */
export async function createOnce<T>(create: () => Promise<T>, probe: Probe): Promise<T> {
  const before = await probe().catch(() => undefined);
  try {
    return await create();
  } catch (e) {
    throw isOutcomeUnknown(e) ? new CreateOutcomeUnknown(e, before, probe) : e;
  }
}

/** `fields[]` conditions that match exactly what was typed (docs/api/conventions.md §7: `name==value`). */
export function typedFieldsFilter(values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([, v]) => v.trim() !== '' && v === v.trim() && !/[\r\n]/.test(v))
    .map(([name, v]) => `${name}==${v}`);
}
