import type { RouteObject } from 'react-router';
import { prefetch } from '@/app/prefetch';

/**
 * Campaign statistics pages. Every page is a lazy route: the charts library loads only with
 * these pages, never with the entry chunk. The emailing and statistics loaders start the first screen's
 * queries while the page's chunk loads (see prefetch).
 */
export const emailingRoutes: RouteObject[] = [
  { path: 'emailings', lazy: () => import('./list/EmailingsPage').then((m) => ({ Component: m.EmailingsPage })) },
  {
    path: 'emailings/:system/:emailingId',
    loader: prefetch(async (qc, { params }) => {
      const { emailingQueries, isEmailingSystem } = await import('@/api/emailings');
      const { system, emailingId = '' } = params;
      if (!isEmailingSystem(system)) return;
      const [emailing] = await Promise.all([
        qc.fetchQuery(emailingQueries.detail(system, emailingId)),
        qc.prefetchQuery(emailingQueries.statistics(system, emailingId)),
        qc.prefetchQuery(emailingQueries.snapshot(system, emailingId)),
      ]);
      // What the "select these profiles" links need, so the page does not render again when it arrives.
      const { selectProfilesQueries } = await import('./shared/useSelectProfiles');
      const { documentName, database } = selectProfilesQueries(emailing);
      await Promise.all([documentName.enabled && qc.prefetchQuery(documentName), database.enabled && qc.prefetchQuery(database)]);
    }),
    lazy: () => import('./detail/EmailingPage').then((m) => ({ Component: m.EmailingPage })),
  },
  {
    path: 'emailings/:system/:emailingId/events/:type',
    lazy: () => import('./events/EmailingEventsPage').then((m) => ({ Component: m.EmailingEventsPage })),
  },
  {
    path: 'emailings/:system/:emailingId/destinations/:destinationId',
    lazy: () => import('./destination/DestinationPage').then((m) => ({ Component: m.DestinationPage })),
  },
  {
    path: 'statistics',
    // the period's emailing lists; the page then asks each emailing's statistics
    loader: prefetch(async (qc, { request }) => {
      const [{ pullQueries }, { EMAILING_SYSTEMS }, { periodFilter, periodFromParams }] = await Promise.all([
        import('@/api/emailing-pulls'),
        import('@/api/emailings'),
        import('./account/period'),
      ]);
      const { from, to, includeTests } = periodFromParams(new URL(request.url).searchParams);
      const filter = periodFilter(from, to, includeTests);
      await Promise.all(EMAILING_SYSTEMS.map((system) => qc.prefetchQuery(pullQueries.emailings(system, filter))));
    }),
    lazy: () => import('./account/StatisticsPage').then((m) => ({ Component: m.StatisticsPage })),
  },
  { path: 'statistics/events', lazy: () => import('./account/AccountEventsPage').then((m) => ({ Component: m.AccountEventsPage })) },
  { path: 'statistics/compare', lazy: () => import('./account/ComparePage').then((m) => ({ Component: m.ComparePage })) },
];
