import type { RouteObject } from 'react-router';

/** Campaign statistics pages (issue 8). Lazy: charts load only with these pages. */
export const emailingRoutes: RouteObject[] = [];
