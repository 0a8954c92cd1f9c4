import { queryOptions } from '@tanstack/react-query';
import { clearAccountStorage, devicePreferences } from './account-storage';
import { ApiError, ORRERY_HEADER } from './client';

/** GET /v3/identity as Copernica returns it (restv3/rest-get-identity.md; note the lowercase `id`). */
export type Identity = {
  id: string;
  name: string;
  description?: string;
  company?: string;
  customer?: { id: string; name: string; isPartner?: boolean };
};

export type Session = { signedIn: true; method: 'token' | 'oauth'; account: Identity } | { signedIn: false; oauth?: boolean };

async function authFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(path, { ...init, credentials: 'same-origin', headers: { ...ORRERY_HEADER, ...(init.headers ?? {}) } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? res.statusText);
  }
  return res;
}

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: async ({ signal }) => (await (await authFetch('/auth/session', { signal })).json()) as Session,
      staleTime: 5 * 60_000,
    }),
};

export async function signInWithToken(accessToken: string): Promise<Session> {
  const res = await authFetch('/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: accessToken }),
  });
  return (await res.json()) as Session;
}

export async function signOut(): Promise<void> {
  const kept = devicePreferences();
  await authFetch('/auth/logout', { method: 'POST' });
  clearAccountStorage(kept);
}

/** Where "Sign in with Copernica" starts: the gateway redirects to Copernica's consent page. */
export function oauthLoginUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
