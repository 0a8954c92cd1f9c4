/** Above this many profiles a bulk change asks the user to type the count (the rule). */
export const TYPED_CONFIRMATION_ABOVE = 100;

export function needsTypedConfirmation(count: number): boolean {
  return count > TYPED_CONFIRMATION_ABOVE;
}

export function isConfirmed(count: number, typed: string): boolean {
  return !needsTypedConfirmation(count) || typed.replace(/[\s.,]/g, '') === String(count);
}

export type IdChunk = { first: number; last: number; ids: number[] };

/** Sorted ID batches: each becomes one request, so progress is real and a cancel stops between them. */
export function chunkIds(ids: (string | number)[], size = 1000): IdChunk[] {
  const sorted = ids.map(Number).sort((a, b) => a - b);
  const out: IdChunk[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const part = sorted.slice(i, i + size);
    out.push({ first: part[0] as number, last: part[part.length - 1] as number, ids: part });
  }
  return out;
}

/**
 * The user's filter narrowed to one batch's ID range. The filter stays part of every request, so a
 * profile that stopped matching since the dry run is not touched.
 */
export function rangeFilter(filter: string[], chunk: IdChunk): string[] {
  return [...filter, `id>=${chunk.first}`, `id<=${chunk.last}`];
}
