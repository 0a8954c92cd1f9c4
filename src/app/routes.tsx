import type { RouteObject } from 'react-router';
import { databaseRoutes } from '@/features/databases/routes';
import { emailingRoutes } from '@/features/emailings/routes';
import { selectionRoutes } from '@/features/selections/routes';
import { AppLayout } from './AppLayout';
import { startSession } from './prefetch';
import { NotFound, PageError, RouteError } from './RouteError';

/**
 * Every page is a lazy route: the entry chunk holds only the shell. Features export their own route
 * objects (paths under the signed-in layout), so each feature stays in its folder.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', lazy: () => import('@/features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
  {
    path: '/',
    Component: AppLayout,
    loader: startSession,
    ErrorBoundary: RouteError,
    children: [
      {
        // Pages fail inside the shell (a page that cannot load or crashes); the root boundary is for the shell itself.
        ErrorBoundary: PageError,
        children: [
          { index: true, lazy: () => import('./HomeRedirect').then((m) => ({ Component: m.HomeRedirect })) },
          ...databaseRoutes,
          ...emailingRoutes,
          ...selectionRoutes,
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
];
