import { Navigate, type RouteObject } from 'react-router';
import { prefetch } from '@/app/prefetch';

/**
 * Databases, profiles and subprofiles. Every page is its own lazy chunk; the busiest pages' loaders start
 * their first screen's queries while that chunk loads (see prefetch).
 */
export const databaseRoutes: RouteObject[] = [
  {
    path: 'databases',
    loader: prefetch(async (qc, { request }) => {
      const [{ databaseQueries }, { databaseListPage }] = await Promise.all([import('@/api/databases'), import('./overview/list-page')]);
      await qc.prefetchQuery(databaseQueries.list(databaseListPage(new URL(request.url).searchParams)));
    }),
    lazy: () => import('./overview/DatabasesPage').then((m) => ({ Component: m.DatabasesPage })),
  },
  {
    path: 'databases/:databaseId',
    loader: prefetch(async (qc, { params }) => {
      const { databaseQueries } = await import('@/api/databases');
      await qc.prefetchQuery(databaseQueries.detail(params.databaseId ?? ''));
    }),
    lazy: () => import('./database/DatabaseLayout').then((m) => ({ Component: m.DatabaseLayout })),
    children: [
      { index: true, element: <Navigate to="profiles" replace /> },
      {
        path: 'profiles',
        // the list needs the database's fields (its filter names them): database first, then the page of profiles
        loader: prefetch(async (qc, { params, request }) => {
          const [{ databaseQueries }, { profileListQueries }, { fetchQueryOnce }] = await Promise.all([
            import('@/api/databases'),
            import('./profiles/use-profile-list'),
            import('@/api/query-data'),
          ]);
          const id = params.databaseId ?? '';
          const database = await fetchQueryOnce(qc, databaseQueries.detail(id));
          const [list, total] = profileListQueries(id, new URL(request.url).searchParams, database.fields.data);
          await Promise.all([qc.prefetchQuery(list), qc.prefetchQuery(total)]);
        }),
        lazy: () => import('./profiles/ProfilesPage').then((m) => ({ Component: m.ProfilesPage })),
      },
      { path: 'profiles/new', lazy: () => import('./profile/CreateProfilePage').then((m) => ({ Component: m.CreateProfilePage })) },
      { path: 'profiles/:profileId', lazy: () => import('./profile/ProfilePage').then((m) => ({ Component: m.ProfilePage })) },
      {
        path: 'subprofiles/:subprofileId',
        lazy: () => import('./subprofile/SubprofilePage').then((m) => ({ Component: m.SubprofilePage })),
      },
      { path: 'fields', lazy: () => import('./schema/FieldsPage').then((m) => ({ Component: m.FieldsPage })) },
      { path: 'collections', lazy: () => import('./schema/CollectionsPage').then((m) => ({ Component: m.CollectionsPage })) },
      { path: 'collections/:collectionId', lazy: () => import('./schema/CollectionPage').then((m) => ({ Component: m.CollectionPage })) },
      { path: 'interests', lazy: () => import('./schema/InterestsPage').then((m) => ({ Component: m.InterestsPage })) },
      { path: 'unsubscribe', lazy: () => import('./schema/UnsubscribePage').then((m) => ({ Component: m.UnsubscribePage })) },
      { path: 'webhooks', lazy: () => import('./schema/WebhooksPage').then((m) => ({ Component: m.WebhooksPage })) },
      { path: 'import', lazy: () => import('./import-export/ImportPage').then((m) => ({ Component: m.ImportPage })) },
    ],
  },
  // "Open profile 4711" without knowing its database (command palette): look it up, then redirect.
  { path: 'profiles/:profileId', lazy: () => import('./profile/ProfileRedirect').then((m) => ({ Component: m.ProfileRedirect })) },
];
