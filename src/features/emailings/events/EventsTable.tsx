import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EmailingEvent } from '@/api/emailing-events';
import type { EmailingSystem } from '@/api/emailings';
import { StackedTable } from '@/components/StackedTable';
import { cellText, csvColumns } from '../utils/csv.utils';
import { destinationUrl } from '../utils/format.utils';
import { usePublisherDestinationLinks } from './usePublisherDestinationLinks';

/** Which column links to the emailing/destination pages; everything else is shown as text (user data). */
const EMAILING_KEYS = ['emailing', 'mailing'];

/**
 * Any event list as a table with the columns the API sent. MS events name their destination by ID,
 * which the destination page accepts; Publisher events use the sequential `internal`, which is looked
 * up in the emailing's destination list to link with the hash (§6, usePublisherDestinationLinks).
 */
export function EventsTable({ events, system }: { events: EmailingEvent[]; system: EmailingSystem }) {
  const columns = csvColumns(events);
  const publisherHref = usePublisherDestinationLinks(events, system === 'publisher');
  const destinationHref = (e: EmailingEvent, value: unknown, emailingId: unknown): string | undefined => {
    if (system === 'publisher') return publisherHref(e);
    return value && emailingId ? destinationUrl(system, String(emailingId), String(value)) : undefined;
  };
  return (
    <Table.ScrollContainer minWidth={800}>
      <StackedTable striped data-testid="events-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.ID}>
              {columns.map((c) => {
                const value = e[c];
                const emailingId = EMAILING_KEYS.map((k) => e[k]).find((v) => v !== undefined && v !== null);
                const href = c === 'destination' ? destinationHref(e, value, emailingId) : undefined;
                if (href) {
                  return (
                    <Table.Td key={c}>
                      <Anchor component={Link} to={href} size="sm">
                        {String(value)}
                      </Anchor>
                    </Table.Td>
                  );
                }
                return (
                  <Table.Td key={c}>
                    <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                      {cellText(value)}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
    </Table.ScrollContainer>
  );
}
