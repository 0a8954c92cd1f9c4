import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EventType } from '@/api/emailing-events';
import type { EmailingStatistics } from '@/api/emailings';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { FigureLinks } from '../shared/FigureLinks';
import { FigurePopover } from '../shared/FigurePopover';
import type { ResultFilter } from '../utils/condition.utils';
import type { StatisticsPanelProps } from './panel-props';

type FigureId =
  | 'destinations'
  | 'deliveries'
  | 'impressionsTotal'
  | 'impressionsUnique'
  | 'clicksUnique'
  | 'clicksTotal'
  | 'errors'
  | 'unsubscribes'
  | 'abuses';

type Figure = {
  id: FigureId;
  value: (s: EmailingStatistics) => number;
  /** the statistics key it reads (developer detail in the popover) */
  formula: string;
  unique?: { value: (s: EmailingStatistics) => number; label: 'errorsUniqueLabel' | 'unsubscribesUniqueLabel' | 'abusesUniqueLabel' };
  select?: ResultFilter;
  events?: EventType;
};

/** The key figures of the issue, each read from one statistics key (docs/api/emailings.md §7.2). */
const FIGURES: Figure[] = [
  { id: 'destinations', value: (s) => s.destinations, formula: 'destinations', select: { result: 'nocheck' } },
  { id: 'deliveries', value: (s) => s.deliveries, formula: 'deliveries.total', events: 'deliveries' },
  { id: 'impressionsTotal', value: (s) => s.impressions.total, formula: 'impressions.total', events: 'impressions' },
  {
    id: 'impressionsUnique',
    value: (s) => s.impressions.unique,
    formula: 'impressions.unique',
    select: { result: 'view' },
    events: 'impressions',
  },
  { id: 'clicksUnique', value: (s) => s.clicks.unique, formula: 'clicks.unique', select: { result: 'anyclick' }, events: 'clicks' },
  { id: 'clicksTotal', value: (s) => s.clicks.total, formula: 'clicks.total', events: 'clicks' },
  {
    id: 'errors',
    value: (s) => s.errors.total,
    unique: { value: (s) => s.errors.unique, label: 'errorsUniqueLabel' },
    formula: 'errors.total',
    select: { result: 'error' },
    events: 'errors',
  },
  {
    id: 'unsubscribes',
    value: (s) => s.unsubscribes.total,
    unique: { value: (s) => s.unsubscribes.unique, label: 'unsubscribesUniqueLabel' },
    formula: 'unsubscribes.total',
    events: 'unsubscribes',
  },
  {
    id: 'abuses',
    value: (s) => s.abuses.total,
    unique: { value: (s) => s.abuses.unique, label: 'abusesUniqueLabel' },
    formula: 'abuses.total',
    select: { result: 'abuse' },
    events: 'abuses',
  },
];

export function KeyFigures({ emailing, stats, selectUrl }: StatisticsPanelProps) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const source = `/${emailing.system}/emailing/${emailing.id}/statistics`;
  return (
    <section aria-labelledby="key-figures">
      <Title order={2} size="h3" id="key-figures" mb="sm">
        {t('keyFigures')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
        {FIGURES.map((f) => (
          <Card key={f.id} withBorder padding="sm" data-testid={`figure-${f.id}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" c="dimmed">
                  {tm(f.id)}
                </Text>
                <FigurePopover name={tm(f.id)} description={tm(`${f.id}Info`)} api={f.formula} source={source} />
              </Group>
              <Text fz={26} fw={700} data-testid="figure-value">
                {fmt.number(f.value(stats))}
              </Text>
              <Text size="xs" c="dimmed" data-testid="figure-meaning">
                {tm(`${f.id}Info`)}
              </Text>
              {f.unique && (
                <Text size="xs" c="dimmed" data-testid="figure-unique">
                  {tm(f.unique.label)}: {fmt.number(f.unique.value(stats))}
                </Text>
              )}
              <FigureLinks emailing={emailing} selectUrl={selectUrl} filter={f.select} events={f.events} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {emailing.system === 'ms' && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('msNoCondition')}
        </Text>
      )}
    </section>
  );
}
