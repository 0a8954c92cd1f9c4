import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { prefetch } from '@/app/prefetch';

/** Selection builder pages: every page is a lazy route; the editor's loader starts the view's queries early (see prefetch). */
/** What the editors' pickers need (see usePickerData): the database, all its views, the miniviews of each collection. */
async function prefetchPickerData(qc: QueryClient, databaseId: string) {
  const [{ databaseQueries }, { selectionQueries }] = await Promise.all([import('@/api/databases'), import('@/api/selections')]);
  void qc.prefetchQuery(selectionQueries.allViews(databaseId));
  const database = await qc.fetchQuery(databaseQueries.detail(databaseId));
  await Promise.all(database.collections.data.map((c) => qc.prefetchQuery(selectionQueries.miniviews(String(c.ID)))));
}

export const selectionRoutes: RouteObject[] = [
  { path: 'databases/:databaseId/selections', lazy: () => import('./SelectionsPage').then((m) => ({ Component: m.SelectionsPage })) },
  {
    path: 'databases/:databaseId/selections/templates',
    loader: prefetch((qc, { params }) => prefetchPickerData(qc, params.databaseId ?? '')),
    lazy: () => import('./templates/TemplatesPage').then((m) => ({ Component: m.TemplatesPage })),
  },
  {
    path: 'databases/:databaseId/selections/new',
    loader: prefetch((qc, { params }) => prefetchPickerData(qc, params.databaseId ?? '')),
    lazy: () => import('./editor/ViewEditorPage').then((m) => ({ Component: m.ViewEditorPage })),
  },
  {
    path: 'views/:viewId',
    loader: prefetch(async (qc, { params }) => {
      const { selectionQueries } = await import('@/api/selections');
      const id = params.viewId ?? '';
      const [view] = await Promise.all([qc.fetchQuery(selectionQueries.view(id)), qc.prefetchQuery(selectionQueries.rules('view', id))]);
      await prefetchPickerData(qc, view.database);
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
