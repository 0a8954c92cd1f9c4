import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { EmailingEvent } from '@/api/emailing-events';
import type { EmailingSystem } from '@/api/emailings';
import { StackedTable } from '@/components/StackedTable';
import { useFormat, useT } from '@/i18n/i18n';
import { recipientLinks } from '../destination/recipient.utils';
import { cellText } from '../utils/csv.utils';
import { destinationUrl } from '../utils/format.utils';
import { eventEmailingId } from './destinationLinks.utils';
import { headerKey, visibleColumns } from './event-columns';
import { eventMessages } from './event-messages';
import { usePublisherDestinationLinks } from './usePublisherDestinationLinks';

/**
 * Any event list as a table for people: headers in words, times in the user's locale, the message,
 * profile, subprofile and emailing as links, a link by its title or URL. Everything else is user data,
 * shown as text. MS events name their destination by ID, which the destination page accepts; Publisher
 * events use the sequential `internal`, looked up in the emailing's destination list (§6,
 * usePublisherDestinationLinks). Without the database (account-wide lists) a profile opens through
 * /profiles/:id, which looks it up; a subprofile then stays text.
 */
export function EventsTable({ events, system, databaseId }: { events: EmailingEvent[]; system: EmailingSystem; databaseId?: string }) {
  const t = useT(eventMessages);
  const fmt = useFormat();
  const columns = visibleColumns(events);
  const publisherHref = usePublisherDestinationLinks(events, system === 'publisher');
  const link = (to: string | undefined, text: string) =>
    to ? (
      <Anchor component={Link} to={to} size="sm">
        {text}
      </Anchor>
    ) : (
      text
    );

  const cell = (e: EmailingEvent, c: string): ReactNode => {
    const value = e[c];
    if (value === undefined || value === null || value === '') return '';
    const text = cellText(value);
    switch (c) {
      case 'timestamp':
        return fmt.dateTime(text);
      case 'destination': {
        const emailing = eventEmailingId(e);
        const href = system === 'publisher' ? publisherHref(e) : emailing ? destinationUrl(system, emailing, text) : undefined;
        return link(href, t('messageLink', { id: text }));
      }
      case 'profile':
        return link(recipientLinks(databaseId, text, null).profile?.url, text);
      case 'subprofile':
        return link(recipientLinks(databaseId, null, text).subprofile?.url, text);
      case 'emailing':
      case 'mailing':
        return link(`/emailings/${system}/${encodeURIComponent(text)}`, text);
      case 'link': {
        const title = cellText(e.link_title);
        return (
          <>
            {title && <Text size="sm">{title}</Text>}
            <Text size="xs" c={title ? 'dimmed' : undefined} style={{ wordBreak: 'break-all' }}>
              {text}
            </Text>
          </>
        );
      }
      case 'success':
      case 'unique':
        return typeof value === 'boolean' ? t(value ? 'yes' : 'no') : text;
      case 'source':
        return text === 'link' || text === 'email' ? t(`source_${text}`) : text;
      case 'device':
        return ['desktop', 'mobile', 'tablet', 'unknown'].includes(text) ? t(`device_${text as 'desktop'}`) : text;
      default:
        return text;
    }
  };

  return (
    <Table.ScrollContainer minWidth={800}>
      <StackedTable striped data-testid="events-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const key = headerKey(c);
              return (
                <Table.Th key={c} data-column={c}>
                  {key ? t(key) : c}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.ID}>
              {columns.map((c) => (
                <Table.Td key={c} data-column={c}>
                  <Text size="sm" lineClamp={c === 'link' ? undefined : 2} style={{ wordBreak: 'break-word' }} component="div">
                    {cell(e, c)}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
    </Table.ScrollContainer>
  );
}
