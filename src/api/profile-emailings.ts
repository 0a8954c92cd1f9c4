import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { looseList } from './schemas/common';

/**
 * A (sub)profile's emailing history: GET profile|subprofile/$id/{publisher,ms}/emailings
 * (docs/api/emailings.md §3, "owned by the profile pages"). Item shapes differ per system; coerce numbers.
 */
export type ProfileEmailing = {
  id?: string;
  ID?: string;
  timestamp?: string;
  subject?: string;
  type?: string;
  destinations?: string | number;
  from_address?: { name?: string; email?: string } | string;
};

export type EmailingSystem = 'publisher' | 'ms';

export const profileEmailingQueries = {
  list: (owner: 'profile' | 'subprofile', id: string, system: EmailingSystem, page: { start: number; limit: number }) =>
    queryOptions({
      queryKey: [owner === 'profile' ? 'profiles' : 'subprofiles', 'detail', id, 'emailings', system, page] as const,
      queryFn: ({ signal }) =>
        api.get(`${owner}/${encodeURIComponent(id)}/${system}/emailings`, { ...page, total: true }, signal, looseList<ProfileEmailing>()),
      retry: false,
    }),
};
