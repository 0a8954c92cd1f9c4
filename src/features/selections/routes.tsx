import type { RouteObject } from 'react-router';

/** Selection builder pages: every page is a lazy route. */
export const selectionRoutes: RouteObject[] = [
  { path: 'databases/:databaseId/selections', lazy: () => import('./SelectionsPage').then((m) => ({ Component: m.SelectionsPage })) },
  {
    path: 'databases/:databaseId/selections/new',
    lazy: () => import('./editor/ViewEditorPage').then((m) => ({ Component: m.ViewEditorPage })),
  },
  { path: 'views/:viewId', lazy: () => import('./editor/ViewEditorPage').then((m) => ({ Component: m.ViewEditorPage })) },
  { path: 'collections/:collectionId/miniviews', lazy: () => import('./MiniviewsPage').then((m) => ({ Component: m.MiniviewsPage })) },
  {
    path: 'collections/:collectionId/miniviews/new',
    lazy: () => import('./editor/MiniviewEditorPage').then((m) => ({ Component: m.MiniviewEditorPage })),
  },
  { path: 'miniviews/:miniviewId', lazy: () => import('./editor/MiniviewEditorPage').then((m) => ({ Component: m.MiniviewEditorPage })) },
];
