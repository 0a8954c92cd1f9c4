import type { EmailingEvent, EventType } from '@/api/emailing-events';

export type TimelineEntry = { type: EventType; event: EmailingEvent };

/** All event lists of one destination merged in time order (ties: by type order, then ID). */
export function mergeTimeline(lists: Partial<Record<EventType, EmailingEvent[]>>, order: readonly EventType[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const type of order) for (const event of lists[type] ?? []) entries.push({ type, event });
  return entries.sort(
    (a, b) =>
      String(a.event.timestamp).localeCompare(String(b.event.timestamp)) ||
      order.indexOf(a.type) - order.indexOf(b.type) ||
      Number(a.event.ID) - Number(b.event.ID),
  );
}

/** The one-line detail worth showing per type (§8.1). */
export function eventDetail(type: EventType, e: EmailingEvent): string {
  const s = (k: string) => (e[k] === undefined || e[k] === null ? '' : String(e[k]));
  switch (type) {
    case 'clicks':
      return s('link');
    case 'impressions':
      return [s('device'), s('useragent')].filter(Boolean).join(' · ');
    case 'errors':
      return [s('errorcode'), s('errortype'), s('description')].filter(Boolean).join(' · ');
    case 'deliveries':
      return s('smtp-response') || (e.attempts !== undefined ? `attempts ${s('attempts')}` : '');
    case 'unsubscribes':
      return s('source');
    case 'abuses':
      return [s('recognized_as'), s('feedback_type')].filter(Boolean).join(' · ');
  }
}
