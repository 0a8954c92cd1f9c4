import { describe, expect, it } from 'vitest';
import { normalizeEmailing } from '@/api/emailings';
import { searchEmailings, sortEmailings } from './list.utils';

const e = (id: string, timestamp: string, subject: string, destinations: number) =>
  normalizeEmailing('ms', { id, timestamp, subject, destinations });
const list = [
  e('1', '2024-03-01 10:00:00', 'Spring sale', 100),
  e('2', '2024-03-05 09:00:00', 'autumn news', 300),
  e('3', '2024-02-01 08:00:00', 'Winter', 200),
];

describe('emailing list', () => {
  it('searches subject case-insensitively, or by exact ID', () => {
    expect(searchEmailings(list, 'SALE').map((x) => x.id)).toEqual(['1']);
    expect(searchEmailings(list, '3').map((x) => x.id)).toEqual(['3']);
    expect(searchEmailings(list, '  ')).toHaveLength(3);
  });
  it('sorts', () => {
    expect(sortEmailings(list, 'newest').map((x) => x.id)).toEqual(['2', '1', '3']);
    expect(sortEmailings(list, 'oldest').map((x) => x.id)).toEqual(['3', '1', '2']);
    expect(sortEmailings(list, 'destinations').map((x) => x.id)).toEqual(['2', '3', '1']);
    expect(sortEmailings(list, 'subject').map((x) => x.subject)).toEqual(['autumn news', 'Spring sale', 'Winter']);
  });
});
