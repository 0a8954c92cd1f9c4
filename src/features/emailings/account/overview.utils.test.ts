import { describe, expect, it } from 'vitest';
import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { type EmailingWithStats, ratePoints } from './overview.utils';

const counter = (total: number, unique = total) => ({ total, unique });
const stats = (destinations: number, opened: number): EmailingStatistics =>
  ({
    destinations,
    deliveries: counter(destinations),
    impressions: counter(opened * 2, opened),
    clicks: counter(0),
    errors: counter(0),
    unsubscribes: counter(0),
    abuses: counter(0),
  }) as unknown as EmailingStatistics;
const item = (id: string, timestamp: string, opened = 1): EmailingWithStats => ({
  emailing: { system: 'publisher', id, timestamp, subject: `Mail ${id}` } as Emailing,
  stats: stats(10, opened),
});

describe('ratePoints', () => {
  it('gives one point per emailing in send order, ties by ID', () => {
    const day = (timestamp: string) => `day ${timestamp.slice(0, 10)}`;
    const points = ratePoints([item('3', '2026-02-01 10:00:00'), item('2', '2026-01-01 10:00:00'), item('1', '2026-02-01 10:00:00')], day);
    expect(points.map((p) => p.key)).toEqual(['publisher:2', 'publisher:1', 'publisher:3']);
    expect(points[0]?.label).toBe('day 2026-01-01 Mail 2');
  });

  it('keeps the most recent emailings when there are more than fit', () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      item(String(i + 1), `2026-01-${String((i % 28) + 1).padStart(2, '0')} 0${i % 10}:00:00`),
    );
    const points = ratePoints(items, (timestamp) => timestamp, 5);
    expect(points).toHaveLength(5);
    const newest = [...items]
      .sort((a, b) => a.emailing.timestamp.localeCompare(b.emailing.timestamp) || Number(a.emailing.id) - Number(b.emailing.id))
      .slice(-5);
    expect(points.map((p) => p.key)).toEqual(newest.map((i) => `publisher:${i.emailing.id}`));
  });
});
