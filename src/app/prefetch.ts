import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { sessionQueries } from '@/api/session';
import { appQueryClient } from './app-query-client';

/**
 * A route loader that starts the page's first-screen queries while the page's chunk is still loading, so
 * code and data arrive in parallel. It returns at once: navigation never waits for data (the page shows
 * its own loading, empty and error states from the same queries). Signed-out visitors prefetch nothing.
 * `start` imports its query factories lazily, so they stay out of the entry chunk.
 */
export function prefetch(start: (queryClient: QueryClient, args: LoaderFunctionArgs) => Promise<unknown>) {
  return (args: LoaderFunctionArgs) => {
    void (async () => {
      const session = await appQueryClient.ensureQueryData(sessionQueries.current());
      if (session.signedIn) await start(appQueryClient, args);
    })().catch(() => {}); // the page's own query reports a failure
    return null;
  };
}
