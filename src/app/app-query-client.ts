import { createQueryClient } from './query-client';

/** The app's one QueryClient: the provider renders with it and route loaders prefetch into it. */
export const appQueryClient = createQueryClient();
