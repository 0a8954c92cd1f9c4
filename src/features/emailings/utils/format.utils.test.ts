import { describe, expect, it } from 'vitest';
import { emailingEventsUrl, formatRate, matchEvents } from './format.utils';

describe('formatRate', () => {
  it('shows a dash for a rate that cannot be computed', () => {
    expect(formatRate(null, 'en-GB')).toBe('—');
    expect(formatRate(Number.NaN, 'en-GB')).toBe('—');
  });
  it('keeps small rates non-zero', () => {
    expect(formatRate(0.25, 'en-GB')).toBe('25.0%');
    expect(formatRate(0.0013, 'en-GB')).toBe('0.13%');
    expect(formatRate(0.00008, 'en-GB')).toBe('0.008%');
    expect(formatRate(0, 'en-GB')).toBe('0.0%');
    expect(formatRate(1.8067, 'nl-NL', false)).toBe('1,81');
  });
});

describe('events filter', () => {
  it('matches one property as text', () => {
    const events = [{ link: 'a' }, { link: 'b' }, { link: null }];
    expect(matchEvents(events, { field: 'link', value: 'a' })).toEqual([{ link: 'a' }]);
    expect(matchEvents(events, { field: 'link', value: '' })).toEqual([{ link: null }]);
    expect(matchEvents(events, undefined)).toHaveLength(3);
  });
  it('builds the events URL', () => {
    expect(emailingEventsUrl('ms', '633', 'clicks', { field: 'link', value: 'https://x/?a=1&b' })).toBe(
      '/emailings/ms/633/events/clicks?field=link&value=https%3A%2F%2Fx%2F%3Fa%3D1%26b',
    );
  });
});
