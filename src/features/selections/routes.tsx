import type { RouteObject } from 'react-router';

/** Selection builder pages (issue 9). */
export const selectionRoutes: RouteObject[] = [];
