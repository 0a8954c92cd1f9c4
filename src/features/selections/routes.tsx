import type { RouteObject } from 'react-router';
import { prefetch } from '@/app/prefetch';

/** Selection builder pages: every page is a lazy route; the editor's loader starts the view's queries early (see prefetch). */
export const selectionRoutes: RouteObject[] = [
  { path: 'databases/:databaseId/selections', lazy: () => import('./SelectionsPage').then((m) => ({ Component: m.SelectionsPage })) },
  {
    path: 'databases/:databaseId/selections/templates',
    lazy: () => import('./templates/TemplatesPage').then((m) => ({ Component: m.TemplatesPage })),
  },
  {
    path: 'databases/:databaseId/selections/new',
    lazy: () => import('./editor/ViewEditorPage').then((m) => ({ Component: m.ViewEditorPage })),
  },
  {
    path: 'views/:viewId',
    loader: prefetch(async (qc, { params }) => {
      const { selectionQueries } = await import('@/api/selections');
      const id = params.viewId ?? '';
      await Promise.all([qc.prefetchQuery(selectionQueries.view(id)), qc.prefetchQuery(selectionQueries.rules('view', id))]);
    }),
    lazy: () => import('./editor/ViewEditorPage').then((m) => ({ Component: m.ViewEditorPage })),
  },
  { path: 'collections/:collectionId/miniviews', lazy: () => import('./MiniviewsPage').then((m) => ({ Component: m.MiniviewsPage })) },
  {
    path: 'collections/:collectionId/miniviews/new',
    lazy: () => import('./editor/MiniviewEditorPage').then((m) => ({ Component: m.MiniviewEditorPage })),
  },
  { path: 'miniviews/:miniviewId', lazy: () => import('./editor/MiniviewEditorPage').then((m) => ({ Component: m.MiniviewEditorPage })) },
];
