import type { RouteObject } from 'react-router';

/**
 * Campaign statistics pages. Every page is a lazy route: the charts library loads only with
 * these pages, never with the entry chunk.
 */
export const emailingRoutes: RouteObject[] = [
  { path: 'emailings', lazy: () => import('./list/EmailingsPage').then((m) => ({ Component: m.EmailingsPage })) },
  { path: 'emailings/:system/:emailingId', lazy: () => import('./detail/EmailingPage').then((m) => ({ Component: m.EmailingPage })) },
  {
    path: 'emailings/:system/:emailingId/events/:type',
    lazy: () => import('./events/EmailingEventsPage').then((m) => ({ Component: m.EmailingEventsPage })),
  },
  {
    path: 'emailings/:system/:emailingId/destinations/:destinationId',
    lazy: () => import('./destination/DestinationPage').then((m) => ({ Component: m.DestinationPage })),
  },
  { path: 'statistics', lazy: () => import('./account/StatisticsPage').then((m) => ({ Component: m.StatisticsPage })) },
  { path: 'statistics/events', lazy: () => import('./account/AccountEventsPage').then((m) => ({ Component: m.AccountEventsPage })) },
  { path: 'statistics/compare', lazy: () => import('./account/ComparePage').then((m) => ({ Component: m.ComparePage })) },
];
