import { Select, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EVENT_TYPES, type EventType, isEventType } from '@/api/emailing-events';
import { type EmailingSystem, isEmailingSystem } from '@/api/emailings';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { useT } from '@/i18n/i18n';
import { EventsList } from '../events/EventsList';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { accountMessages } from './messages';
import { StatisticsNav } from './StatisticsNav';

/** /statistics/events — the overall abuses, clicks, deliveries, errors, impressions and unsubscribes lists (§8, account scope). */
export function AccountEventsPage() {
  const t = useT(accountMessages);
  const te = useT(emailingMessages);
  const tm = useT(metricMessages);
  const [params, setParams] = useSearchParams();
  const system: EmailingSystem = isEmailingSystem(params.get('system')) ? (params.get('system') as EmailingSystem) : 'publisher';
  const type: EventType = isEventType(params.get('type')) ? (params.get('type') as EventType) : 'clicks';
  return (
    <Stack>
      <StatisticsNav />
      <Text size="sm" c="dimmed">
        {t('eventsHint')}
      </Text>
      <SegmentedChoice
        aria-label={te('systemLabel')}
        value={system}
        onChange={(v) => setParams({ system: v, type })}
        data={[
          { value: 'publisher', label: te('publisher') },
          { value: 'ms', label: te('ms') },
        ]}
      />
      <Select
        label={t('type')}
        w={240}
        value={type}
        allowDeselect={false}
        onChange={(v) => setParams({ system, type: v ?? 'clicks' })}
        data={EVENT_TYPES.map((x) => ({ value: x, label: tm(`Type_${x}`) }))}
      />
      <EventsList key={`${system}-${type}`} scope={{ kind: 'account', system }} type={type} filename={`${system}-${type}.csv`} />
    </Stack>
  );
}
