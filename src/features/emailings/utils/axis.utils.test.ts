import { describe, expect, it } from 'vitest';
import { axisLabel } from './axis.utils';

describe('axisLabel', () => {
  it('names months in the user’s language, without shifting the wall clock', () => {
    expect(axisLabel('2024-03-05 09:00:00', 'hour', 'en')).toBe('5 Mar 09:00');
    expect(axisLabel('2024-03-05 09:00:00', 'hour', 'nl')).toBe('5 mrt 09:00');
    expect(axisLabel('2024-10-31 00:00:00', 'day', 'nl')).toBe('31 okt 2024');
    expect(axisLabel('2024-10-31 00:00:00', 'day', 'en')).toBe('31 Oct 2024');
  });

  it('leaves what is not a time as it is', () => {
    expect(axisLabel('soon', 'day', 'nl')).toBe('soon');
  });
});
