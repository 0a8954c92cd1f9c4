import { describe, expect, it } from 'vitest';
import { colorVar, niceTicks, percentOf, spreadIndexes } from './chart.utils';

describe('chart utils', () => {
  it('makes round ticks that reach the largest value', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(2376)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [1, 3, 17, 99, 101, 12345, 0.07]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('turns Mantine colour names into CSS variables and leaves other colours alone', () => {
    expect(colorVar('indigo.7')).toBe('var(--mantine-color-indigo-7)');
    expect(colorVar('#ff0000')).toBe('#ff0000');
  });

  it('places values on the axis, clamped', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(null, 200)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
  });

  it('spreads axis labels evenly, first and last included', () => {
    expect(spreadIndexes(3, 6)).toEqual([0, 1, 2]);
    expect(spreadIndexes(48, 6)).toEqual([0, 9, 19, 28, 38, 47]);
  });
});
