import type { Emailing } from '@/api/emailings';

export const SORTS = ['newest', 'oldest', 'subject', 'destinations'] as const;
export type EmailingSort = (typeof SORTS)[number];
export const isSort = (s: unknown): s is EmailingSort => typeof s === 'string' && (SORTS as readonly string[]).includes(s);

/** Case-insensitive search in subject, description and ID (the API has no search, §4). */
export function searchEmailings(list: Emailing[], query: string): Emailing[] {
  const q = query.trim().toLowerCase();
  if (!q) return list;
  return list.filter((e) => e.id === q || e.subject.toLowerCase().includes(q) || e.description.toLowerCase().includes(q));
}

/** The API returns emailings oldest first and cannot sort (§2 Ordering), so we do. Ties by ID. */
export function sortEmailings(list: Emailing[], sort: EmailingSort): Emailing[] {
  const byId = (a: Emailing, b: Emailing) => Number(a.id) - Number(b.id);
  const copy = [...list];
  switch (sort) {
    case 'newest':
      return copy.sort((a, b) => b.timestamp.localeCompare(a.timestamp) || byId(b, a));
    case 'oldest':
      return copy.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || byId(a, b));
    case 'subject':
      return copy.sort((a, b) => a.subject.localeCompare(b.subject) || byId(a, b));
    case 'destinations':
      return copy.sort((a, b) => b.destinations - a.destinations || byId(a, b));
  }
}

/** Compare-selection keys travel in the URL as `system:id`. */
export const compareKey = (e: Pick<Emailing, 'system' | 'id'>) => `${e.system}:${e.id}`;
export const MAX_COMPARE = 4;
