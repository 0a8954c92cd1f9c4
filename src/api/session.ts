import { queryOptions } from '@tanstack/react-query';
import { clearAccountStorage, devicePreferences } from './account-storage';
import { ApiError, ORRERY_HEADER } from './client';
import { clearStashedDraft } from './drafts';
import { forgetOwnWrites } from './own-writes';

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

/**
 * Whether "Sign in with Copernica" is offered, asked without touching the session query: when a session ends
 * mid-edit the signed-in layout (and the user's draft in it) must stay mounted.
 */
export const oauthAvailableQuery = () =>
  queryOptions({
    queryKey: ['auth', 'oauth-available'] as const,
    queryFn: async ({ signal }) => {
      const session = (await (await authFetch('/auth/session', { signal })).json()) as Session;
      return !session.signedIn && session.oauth === true;
    },
    staleTime: 0,
  });

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
  // What this user typed or wrote must not outlive the session.
  clearStashedDraft();
  forgetOwnWrites();
  await authFetch('/auth/logout', { method: 'POST' });
  clearAccountStorage(kept);
}

/** Where "Sign in with Copernica" starts: the gateway redirects to Copernica's consent page. */
export function oauthLoginUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
