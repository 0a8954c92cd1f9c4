import type { RouteObject } from 'react-router';

/** Databases, profiles and subprofiles (issue 7). */
export const databaseRoutes: RouteObject[] = [
  { path: 'databases', lazy: () => import('./DatabasesPage').then((m) => ({ Component: m.DatabasesPage })) },
];
