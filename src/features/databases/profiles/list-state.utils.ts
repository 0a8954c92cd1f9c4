import type { ProfileListQuery } from '@/api/profiles';
import { type FilterRule, parseExpression, toExpression } from './filter.utils';

/** The profiles table's state lives in the URL: shareable, and the back button works. */
export type ListState = { start: number; limit: number; orderby: string; order: 'asc' | 'desc'; filters: FilterRule[]; q: string };

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const;
export const DEFAULT_LIMIT = 100;

export function parseListState(params: URLSearchParams): ListState {
  const limit = Number(params.get('limit'));
  return {
    start: Math.max(0, Math.floor(Number(params.get('start')) || 0)),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
    orderby: params.get('orderby') || 'id',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    filters: params.getAll('f').flatMap((e) => parseExpression(e) ?? []),
    q: params.get('q') ?? '',
  };
}

/** Writes only what differs from the defaults, so plain URLs stay plain. */
export function toSearchParams(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of s.filters) p.append('f', toExpression(f));
  if (s.orderby !== 'id') p.set('orderby', s.orderby);
  if (s.order !== 'asc') p.set('order', s.order);
  if (s.limit !== DEFAULT_LIMIT) p.set('limit', String(s.limit));
  if (s.start > 0) p.set('start', String(s.start));
  return p;
}

export function toListQuery(s: ListState, fields: string[]): ProfileListQuery {
  return { start: s.start, limit: s.limit, orderby: s.orderby, order: s.order, fields };
}

/** Clicking a column: first ascending, then descending; a new filter or sort goes back to the first page. */
export function nextSort(s: ListState, column: string): ListState {
  const same = s.orderby.toLowerCase() === column.toLowerCase();
  return { ...s, start: 0, orderby: column, order: same && s.order === 'asc' ? 'desc' : 'asc' };
}
