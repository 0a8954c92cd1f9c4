import { Group, Text } from '@mantine/core';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { BarChart } from '../shared/charts/Charts';
import { FigureLinks } from '../shared/FigureLinks';
import type { ResultFilter } from '../utils/condition.utils';
import { DOMINANT_CATEGORIES, type DominantCategory, dominantBreakdown } from '../utils/metrics.utils';
import type { StatisticsPanelProps } from './panel-props';

/** The Email condition result that selects each category's recipients (docs/api/selections.md §4.6). */
const SELECT: Partial<Record<DominantCategory, ResultFilter>> = {
  errors: { result: 'error' },
  noResponse: { result: 'nothing' },
  impressions: { result: 'viewnoclick' },
  clicks: { result: 'anyclick' },
  abuses: { result: 'abuse' },
};

const COLORS: Record<DominantCategory, string> = {
  errors: 'red.7',
  noResponse: 'gray.6',
  impressions: 'blue.6',
  clicks: 'teal.7',
  unsubscribes: 'orange.7',
  abuses: 'grape.7',
};

export function DominantChart({ emailing, stats, selectUrl }: StatisticsPanelProps) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  if (!stats.dominant) {
    return (
      <ChartFigure title={t('dominantTitle')}>
        <Text size="sm">{t('noDominant')}</Text>
      </ChartFigure>
    );
  }
  const parts = dominantBreakdown(stats.dominant);
  const data = DOMINANT_CATEGORIES.map((c) => ({ category: tm(`dominant_${c}`), count: parts[c], color: COLORS[c] }));
  return (
    <ChartFigure
      title={t('dominantTitle')}
      hint={t('dominantHint')}
      table={{ columns: [t('eventType'), t('destinations')], rows: data.map((d) => [d.category, fmt.number(d.count)]) }}
    >
      <ChartBody h={240}>
        <BarChart
          h={240}
          data={data}
          dataKey="category"
          series={[{ name: 'count', label: t('destinations'), color: 'indigo.7' }]}
          orientation="vertical"
          labelWidth={110}
          valueFormatter={(v) => fmt.number(v)}
          withBarValueLabel
        />
      </ChartBody>
      <Group gap="lg" mt="xs" wrap="wrap">
        {DOMINANT_CATEGORIES.map((c) => (
          <Group key={c} gap={6} data-testid={`dominant-${c}`}>
            <Text size="sm" fw={500}>
              {tm(`dominant_${c}`)}: <span data-testid="dominant-value">{fmt.number(parts[c])}</span>
            </Text>
            <FigureLinks emailing={emailing} selectUrl={selectUrl} filter={SELECT[c]} />
          </Group>
        ))}
      </Group>
    </ChartFigure>
  );
}
