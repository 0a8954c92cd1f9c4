// The seven event tables of an emailing (docs/api/emailings.md §8), in the order the summaries count them.
// A file of its own because the summaries, the timeline and the event lists all build on it.
export const EVENT_TABLES = ['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'] as const;
export type EventTable = (typeof EVENT_TABLES)[number];
