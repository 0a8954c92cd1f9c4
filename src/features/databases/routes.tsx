import { Navigate, type RouteObject } from 'react-router';

/** Databases, profiles and subprofiles. Every page is its own lazy chunk. */
export const databaseRoutes: RouteObject[] = [
  { path: 'databases', lazy: () => import('./overview/DatabasesPage').then((m) => ({ Component: m.DatabasesPage })) },
  {
    path: 'databases/:databaseId',
    lazy: () => import('./database/DatabaseLayout').then((m) => ({ Component: m.DatabaseLayout })),
    children: [
      { index: true, element: <Navigate to="profiles" replace /> },
      { path: 'profiles', lazy: () => import('./profiles/ProfilesPage').then((m) => ({ Component: m.ProfilesPage })) },
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
