import { describe, expect, it } from 'vitest';
import { json, stubFetch } from '@/test/render';
import { destinationQuery, eventsPath, eventTimeQuery } from './emailing-events';
import { fetchAll } from './paging';

describe('event list parameters (docs/api/emailings.md §2, §8)', () => {
  it('filters Publisher events with fields[] on timestamp and MS events with begintime/endtime', () => {
    const f = { begin: '2024-03-05 00:00:00', end: '2024-03-06 00:00:00' };
    expect(eventTimeQuery('publisher', f)).toEqual({ fields: ['timestamp>=2024-03-05 00:00:00', 'timestamp<2024-03-06 00:00:00'] });
    expect(eventTimeQuery('ms', f)).toEqual({ begintime: f.begin, endtime: f.end });
    expect(eventTimeQuery('ms', {})).toEqual({});
  });
  it('builds the three scopes', () => {
    expect(eventsPath({ kind: 'account', system: 'ms' }, 'clicks')).toBe('ms/clicks');
    expect(eventsPath({ kind: 'emailing', system: 'publisher', id: '4127' }, 'abuses')).toBe('publisher/emailing/4127/abuses');
    expect(eventsPath({ kind: 'destination', system: 'publisher', id: 'ab12' }, 'deliveries')).toBe(
      'publisher/destination/ab12/deliveries',
    );
  });
  it('filters destinations on timestampsent, and MS on Unsubscribed', () => {
    expect(destinationQuery('ms', { sentFrom: '2024-03-05 00:00:00', unsubscribedOnly: true })).toEqual({
      fields: ['timestampsent>=2024-03-05 00:00:00'],
      Unsubscribed: 'true',
    });
    expect(destinationQuery('publisher', { unsubscribedOnly: true })).toEqual({ fields: undefined, Unsubscribed: undefined });
  });
});

describe('fetchAll', () => {
  it('reads 1000 at a time, asks the total once, and rides out a 429', async () => {
    let first429 = true;
    const calls = stubFetch((url) => {
      const start = Number(url.searchParams.get('start'));
      if (start === 1000 && first429) {
        first429 = false;
        return json({ error: { message: 'Too many requests' } }, { status: 429 });
      }
      const count = start < 2000 ? 1000 : 3;
      return json({ start, limit: 1000, count, total: 2003, data: Array.from({ length: count }, (_, i) => ({ ID: String(start + i) })) });
    });
    const progress: number[] = [];
    const all = await fetchAll<{ ID: string }>('ms/clicks', {}, { onProgress: (p) => progress.push(p.fetched) });
    expect(all).toHaveLength(2003);
    expect(progress).toEqual([1000, 2000, 2003]);
    expect(calls.map((c) => `${c.url.searchParams.get('start')}:${c.url.searchParams.get('total')}`)).toEqual([
      '0:true',
      '1000:false',
      '1000:false',
      '2000:false',
    ]);
  });
});
