import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { fetchQueryOnce } from '@/api/query-data';
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
      const session = await fetchQueryOnce(appQueryClient, sessionQueries.current());
      if (session.signedIn) await start(appQueryClient, args);
    })().catch(() => {}); // the page's own query reports a failure
    return null;
  };
}

/**
 * The signed-in frame's loader: asks for the session at once. A page's own loader runs only once its lazy
 * chunk has arrived, so without this the session (and after it the page's data) would wait for the code.
 */
export function startSession() {
  fetchQueryOnce(appQueryClient, sessionQueries.current()).catch(() => {}); // the frame reports a failure
  return null;
}
