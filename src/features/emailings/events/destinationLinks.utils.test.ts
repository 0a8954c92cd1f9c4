import { describe, expect, it } from 'vitest';
import type { Destination, EmailingEvent } from '@/api/emailing-events';
import { eventEmailingId, INDEX_PAGE_SIZE, indexByInternal, neededInternals, pagesWanted } from './destinationLinks.utils';

const ev = (ID: string, emailing: unknown, destination: unknown): EmailingEvent =>
  ({ ID, timestamp: '2024-03-05 11:02:47', emailing, destination }) as EmailingEvent;
const dest = (internal: string, ID = `hash-${internal}`): Destination => ({
  ID,
  internal,
  timestampsent: '2024-03-05 09:31:02',
  profile: '1',
  subprofile: null,
  mailing: '4127',
});
const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => dest(String(from + i)));

describe('neededInternals', () => {
  it('groups destination numbers by emailing, as strings, skipping rows without them', () => {
    const needed = neededInternals([ev('1', '4127', '7310044'), ev('2', 4127, 7310045), ev('3', '9', null), ev('4', undefined, '5')]);
    expect([...needed.keys()]).toEqual(['4127']);
    expect([...(needed.get('4127') ?? [])]).toEqual(['7310044', '7310045']);
  });

  it('reads MS `mailing` as the emailing too', () => {
    expect(eventEmailingId({ ID: '1', timestamp: '', mailing: 633 })).toBe('633');
  });
});

describe('indexByInternal', () => {
  it('maps the internal number to the hash over all pages', () => {
    const index = indexByInternal([[dest('1', 'aa')], [dest('2', 'bb'), { ...dest('3'), internal: undefined }]]);
    expect(Object.fromEntries(index)).toEqual({ '1': 'aa', '2': 'bb' });
  });
});

describe('pagesWanted', () => {
  it('starts with one page only when something is needed', () => {
    expect(pagesWanted([], new Set(['5']))).toBe(1);
    expect(pagesWanted([], new Set())).toBe(0);
  });

  it('stops when every number is found', () => {
    expect(pagesWanted([page(1, INDEX_PAGE_SIZE)], new Set(['5', '1000']))).toBe(1);
  });

  it('asks for the next page while a number is missing and the last page was full', () => {
    expect(pagesWanted([page(1, INDEX_PAGE_SIZE)], new Set(['5', '1500']))).toBe(2);
  });

  it('stops at the end of the list (short last page) even when a number is missing', () => {
    expect(pagesWanted([page(1, INDEX_PAGE_SIZE), page(1001, 10)], new Set(['99999']))).toBe(2);
  });

  it('never reads more than the cap', () => {
    expect(pagesWanted([page(1, INDEX_PAGE_SIZE), page(1001, INDEX_PAGE_SIZE)], new Set(['99999']), 2)).toBe(2);
  });
});
