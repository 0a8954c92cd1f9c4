import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { RATE_DEFINITIONS, type RateGroup, type RateId } from '../metric-definitions';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { BarChart } from '../shared/charts/Charts';
import { FigurePopover } from '../shared/FigurePopover';
import { useRateWords } from '../shared/useRateWords';
import { formatRate } from '../utils/format.utils';
import { computeRates, messagesPerDay, sumStatistics } from '../utils/metrics.utils';
import { daysInRange } from '../utils/time.utils';
import { accountMessages } from './messages';
import { type EmailingWithStats, MAX_BARS, ratePoints } from './overview.utils';
import { accountViewMessages } from './views-messages';

type Figure = { id: string; name: string; value: string; description?: string; formula?: string; group?: RateGroup; api: string };

/** Copernica's account key figures (statistics-account-mailings.md, docs/api/emailings.md §11.2) and per-emailing rates. */
export function PeriodOverview({ items, from, to }: { items: EmailingWithStats[]; from: string; to: string }) {
  const t = useT(accountMessages);
  const tv = useT(accountViewMessages);
  const te = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const { words, format } = useRateWords();
  const sum = useMemo(() => sumStatistics(items.map((i) => i.stats)), [items]);
  const rates = computeRates(sum);
  const source = '/{publisher,ms}/emailings + /{publisher,ms}/emailing/$id/statistics';
  const rateFigure = (id: RateId) => {
    const w = words(id);
    return {
      id,
      name: w.name,
      value: format(id, rates[id]),
      description: w.meaning,
      formula: w.formula,
      group: RATE_DEFINITIONS[id].group,
      api: `Σ ${w.api}`,
    };
  };
  const count = (id: 'impressionsTotal' | 'impressionsUnique' | 'clicksTotal' | 'clicksUnique' | 'abuses', value: number, api: string) => ({
    id,
    name: tm(id),
    value: fmt.number(value),
    description: tm(`${id}Info`),
    api: `Σ ${api}`,
  });
  const days = daysInRange(from, to);
  const figures: Figure[] = [
    { id: 'sentMailings', name: t('sentMailings'), value: fmt.number(items.length), description: t('sentMailingsInfo'), api: 'count' },
    { id: 'totalSent', name: t('totalSent'), value: fmt.number(sum.destinations), description: t('totalSentInfo'), api: 'Σ destinations' },
    {
      id: 'perDay',
      name: t('perDay'),
      value: formatRate(messagesPerDay(sum.destinations, days), tag, false),
      description: t('perDayInfo', { days }),
      api: `Σ destinations / ${days}`,
    },
    count('impressionsTotal', sum.impressions.total, 'impressions.total'),
    count('impressionsUnique', sum.impressions.unique, 'impressions.unique'),
    rateFigure('percentageOpened'),
    count('clicksTotal', sum.clicks.total, 'clicks.total'),
    count('clicksUnique', sum.clicks.unique, 'clicks.unique'),
    rateFigure('ctr'),
    count('abuses', sum.abuses.total, 'abuses.total'),
    { id: 'abusesUnique', name: tm('abusesUniqueLabel'), value: fmt.number(sum.abuses.unique), api: 'Σ abuses.unique' },
    rateFigure('percentageComplaints'),
  ];
  const points = useMemo(() => ratePoints(items, fmt.date), [items, fmt]);

  return (
    <Stack gap="lg">
      <section aria-labelledby="period-figures">
        <Title order={2} size="h3" id="period-figures" mb="sm">
          {t('keyFigures')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {figures.map((f) => (
            <Card key={f.id} withBorder padding="sm" data-testid={`period-${f.id}`}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" c="dimmed">
                  {f.name}
                </Text>
                <FigurePopover name={f.name} description={f.description} formula={f.formula} group={f.group} api={f.api} source={source} />
              </Group>
              <Text fz={24} fw={700} data-testid="period-value">
                {f.value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <ChartFigure
        title={t('ratesOverTime')}
        hint={items.length > MAX_BARS ? tv('barsCapped', { shown: MAX_BARS, total: items.length }) : undefined}
        table={{
          columns: [t('emailing'), tm('openRate'), tm('clickRate'), tm('hardBounceRate')],
          rows: points.map((p) => [p.label, formatRate(p.openRate, tag), formatRate(p.clickRate, tag), formatRate(p.hardBounceRate, tag)]),
        }}
      >
        <ChartBody h={260}>
          <BarChart
            h={260}
            data={points}
            dataKey="label"
            data-testid="period-bars"
            series={[
              { name: 'openRate', label: tm('openRate'), color: 'blue.7' },
              { name: 'clickRate', label: tm('clickRate'), color: 'teal.8' },
              { name: 'hardBounceRate', label: tm('hardBounceRate'), color: 'red.7' },
            ]}
            valueFormatter={(v) => formatRate(v, tag)}
            withLegend
            hideCategoryLabels={points.length > 8}
          />
        </ChartBody>
      </ChartFigure>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="period-emailings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('emailing')}</Table.Th>
              <Table.Th>{t('system')}</Table.Th>
              <Table.Th>{t('sent')}</Table.Th>
              <Table.Th ta="right">{t('destinations')}</Table.Th>
              <Table.Th ta="right">{tm('openRate')}</Table.Th>
              <Table.Th ta="right">{tm('clickRate')}</Table.Th>
              <Table.Th ta="right">{tm('hardBounceRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(({ emailing, stats }) => {
              const r = computeRates(stats);
              return (
                <Table.Tr key={`${emailing.system}:${emailing.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/emailings/${emailing.system}/${encodeURIComponent(emailing.id)}`}>
                      {emailing.subject || emailing.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{emailing.system === 'ms' ? te('ms') : te('publisher')}</Table.Td>
                  <Table.Td>{fmt.dateTime(emailing.timestamp)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(stats.destinations)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.openRate, tag)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.clickRate, tag)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.hardBounceRate, tag)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
