import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { EventType } from '@/api/emailing-events';
import type { Emailing } from '@/api/emailings';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import type { ResultFilter } from '../utils/condition.utils';
import { type EventMatch, emailingEventsUrl } from '../utils/format.utils';

/**
 * From a figure to the people behind it: the selection builder prefilled with the matching Email
 * condition (Publisher only), and always the filtered events list as a fallback.
 */
export function FigureLinks({
  emailing,
  selectUrl,
  filter,
  events,
  match,
}: {
  emailing: Emailing;
  selectUrl: (filter: ResultFilter) => string | null;
  filter?: ResultFilter;
  events?: EventType;
  match?: EventMatch;
}) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const select = filter ? selectUrl(filter) : null;
  if (!select && !events) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {select && (
        <Anchor component={Link} to={select} size="xs">
          {t('selectProfiles')}
        </Anchor>
      )}
      {events && (
        <Anchor component={Link} to={emailingEventsUrl(emailing.system, emailing.id, events, match)} size="xs">
          {t('showEvents', { type: tm(`type_${events}`) })}
        </Anchor>
      )}
    </Group>
  );
}
