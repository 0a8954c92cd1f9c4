/** The statistics example of docs/api/emailings.md §7.1, as the API answers it: the figures tests work out by hand. */
export const DOCUMENTED_STATISTICS = {
  destinations: 48210,
  deliveries: { total: 47688 },
  errors: { total: 975, unique: 702 },
  impressions: { total: 21760, unique: 12044 },
  clicks: { total: 2311, unique: 1387 },
  unsubscribes: { total: 61, unique: 61 },
  abuses: { total: 4, unique: 4 },
  unknown: { total: 0 },
  dominant_results: { destinations: 48210, errors: 522, abuses: 4, unsubscribes: 60, clicks: 1367, impressions: 10760, deliveries: 35497 },
};
