import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isEventType } from '@/api/emailing-events';
import { emailingQueries, isEmailingSystem } from '@/api/emailings';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { useTargetDatabase } from '../shared/useTargetDatabase';
import type { EventMatch } from '../utils/format.utils';
import { EventsList } from './EventsList';
import { headerKey } from './event-columns';
import { eventMessages } from './event-messages';

/** /emailings/:system/:emailingId/events/:type[?field=&value=] — the filtered events list. */
export function EmailingEventsPage() {
  const { system, emailingId = '', type } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const tc = useT(commonMessages);
  const tv = useT(eventMessages);
  const columnName = (field: string) => {
    const key = headerKey(field === 'link_id' ? 'link' : field);
    return key ? tv(key) : field;
  };
  const ok = isEmailingSystem(system) && isEventType(type);
  const emailing = useQuery({ ...emailingQueries.detail(isEmailingSystem(system) ? system : 'publisher', emailingId), enabled: ok });
  const databaseId = useTargetDatabase(emailing.data);
  if (!ok) return <Text>{tc('notFoundBody')}</Text>;
  const field = params.get('field');
  const value = params.get('value');
  const match: EventMatch | undefined = field && value !== null ? { field, value } : undefined;
  const subject = emailing.data?.subject || emailingId;
  return (
    <Stack>
      <Anchor component={Link} to={`/emailings/${system}/${encodeURIComponent(emailingId)}`} size="sm">
        ← {subject}
      </Anchor>
      <Title order={1}>{t('eventsOf', { type: tm(`Type_${type}`), subject })}</Title>
      {match && (
        <Text size="sm">
          {t('filteredBy', { filter: `${columnName(match.field)} = ${match.value || '""'}` })}{' '}
          <Anchor component="button" size="sm" onClick={() => setParams({})}>
            {t('clearFilter')}
          </Anchor>
        </Text>
      )}
      <EventsList
        key={`${field}:${value}`}
        scope={{ kind: 'emailing', system, id: emailingId }}
        type={type}
        match={match}
        filename={`${system}-emailing-${emailingId}-${type}.csv`}
        databaseId={databaseId}
      />
    </Stack>
  );
}
