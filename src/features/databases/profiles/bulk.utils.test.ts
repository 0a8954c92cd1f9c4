import { describe, expect, it } from 'vitest';
import { chunkIds, isConfirmed, needsTypedConfirmation, rangeFilter } from './bulk.utils';

describe('bulk actions', () => {
  it('asks for typed confirmation above 100 profiles only', () => {
    expect(needsTypedConfirmation(100)).toBe(false);
    expect(needsTypedConfirmation(101)).toBe(true);
    expect(isConfirmed(50, '')).toBe(true);
    expect(isConfirmed(1234, '1233')).toBe(false);
    expect(isConfirmed(1234, '1,234')).toBe(true);
  });

  it('splits IDs into sorted ranges and keeps the filter in every request', () => {
    const chunks = chunkIds(['5', 3, '10', 1, 7], 2);
    expect(chunks.map((c) => [c.first, c.last])).toEqual([
      [1, 3],
      [5, 7],
      [10, 10],
    ]);
    expect(rangeFilter(['city==Delft'], chunks[1] as (typeof chunks)[number])).toEqual(['city==Delft', 'id>=5', 'id<=7']);
  });
});
