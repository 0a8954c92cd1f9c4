import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/api/emailing-events';
import { eventDetail, mergeTimeline } from './timeline.utils';

describe('mergeTimeline', () => {
  it('orders all events of a destination by time, then by the natural order of types', () => {
    const merged = mergeTimeline(
      {
        clicks: [{ ID: '5', timestamp: '2024-03-05 11:02:47', link: 'https://x' }],
        impressions: [
          { ID: '9', timestamp: '2024-03-05 10:58:13' },
          { ID: '10', timestamp: '2024-03-06 08:00:00' },
        ],
        deliveries: [{ ID: '1', timestamp: '2024-03-05 09:31:05' }],
        errors: [{ ID: '2', timestamp: '2024-03-05 09:31:05', errorcode: '4.2.2' }],
      },
      EVENT_TYPES,
    );
    expect(merged.map((m) => `${m.type}:${m.event.ID}`)).toEqual([
      'deliveries:1',
      'errors:2',
      'impressions:9',
      'clicks:5',
      'impressions:10',
    ]);
  });
  it('describes each event in one line', () => {
    expect(eventDetail('errors', { ID: '1', timestamp: '', errorcode: '5.1.1', errortype: 'error', description: 'no mailbox' })).toBe(
      '5.1.1 · error · no mailbox',
    );
    expect(eventDetail('deliveries', { ID: '1', timestamp: '', attempts: 2 })).toBe('attempts 2');
  });
});
